/// A small multi-line text editor model: lines of graphemes, a cursor and a scroll offset.
/// Tabs are expanded to two spaces and control characters are dropped on input.
public struct TextEditor: Sendable, Equatable {
    public private(set) var lines: [[Character]]
    /// Cursor row (0-based) and column (grapheme index, 0...line.count).
    public private(set) var row: Int = 0
    public private(set) var col: Int = 0
    /// First line shown.
    public private(set) var scrollTop: Int = 0

    public init(text: String = "") {
        lines = TextEditor.split(text)
    }

    public var text: String { lines.map { String($0) }.joined(separator: "\n") }

    /// Replaces the whole text; the cursor goes to the top.
    public mutating func setText(_ s: String) {
        lines = TextEditor.split(s)
        row = 0; col = 0; scrollTop = 0
    }

    private static func split(_ s: String) -> [[Character]] {
        var out: [[Character]] = [[]]
        for c in s {
            if c == "\n" || c == "\r\n" || c == "\r" { out.append([]); continue }
            if c == "\t" { out[out.count - 1].append(contentsOf: [" ", " "] as [Character]); continue }
            if let v = c.unicodeScalars.first?.value, v < 0x20 || v == 0x7F { continue }
            out[out.count - 1].append(c)
        }
        return out
    }

    // MARK: Editing

    /// Inserts text at the cursor (newlines split lines), leaving the cursor after it.
    public mutating func insert(_ s: String) {
        let parts = TextEditor.split(s)
        let tail = Array(lines[row][col...])
        lines[row].removeSubrange(col...)
        lines[row].append(contentsOf: parts[0])
        if parts.count == 1 {
            col = lines[row].count
            lines[row].append(contentsOf: tail)
        } else {
            lines.insert(contentsOf: parts[1...], at: row + 1)
            row += parts.count - 1
            col = lines[row].count
            lines[row].append(contentsOf: tail)
        }
    }

    public mutating func newline() { insert("\n") }

    /// Deletes the grapheme before the cursor (joins lines at column 0).
    public mutating func backspace() {
        if col > 0 {
            lines[row].remove(at: col - 1); col -= 1
        } else if row > 0 {
            let line = lines.remove(at: row)
            row -= 1
            col = lines[row].count
            lines[row].append(contentsOf: line)
        }
    }

    /// Deletes the grapheme under the cursor (joins the next line at end of line).
    public mutating func deleteForward() {
        if col < lines[row].count {
            lines[row].remove(at: col)
        } else if row + 1 < lines.count {
            let next = lines.remove(at: row + 1)
            lines[row].append(contentsOf: next)
        }
    }

    // MARK: Movement

    public mutating func moveLeft() {
        if col > 0 { col -= 1 } else if row > 0 { row -= 1; col = lines[row].count }
    }

    public mutating func moveRight() {
        if col < lines[row].count { col += 1 } else if row + 1 < lines.count { row += 1; col = 0 }
    }

    public mutating func moveVertically(_ delta: Int) {
        row = max(0, min(lines.count - 1, row + delta))
        col = min(col, lines[row].count)
    }

    public mutating func home() { col = 0 }
    public mutating func end() { col = lines[row].count }
    public mutating func top() { row = 0; col = 0 }
    public mutating func bottom() { row = lines.count - 1; col = lines[row].count }

    /// Keeps the cursor row inside a viewport of `height` lines.
    public mutating func scrollToCursor(height: Int) {
        guard height > 0 else { return }
        if row < scrollTop { scrollTop = row }
        if row >= scrollTop + height { scrollTop = row - height + 1 }
        scrollTop = max(0, min(scrollTop, max(0, lines.count - 1)))
    }
}
