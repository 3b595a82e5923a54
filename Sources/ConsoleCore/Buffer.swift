/// A frame: a `width × height` grid of cells that `ConsoleCore.view` fills and the Terminal draws.
///
/// Every string written through `put` is sanitised (no control characters or escape sequences) and
/// measured per grapheme. With `monochrome` set, colours are dropped as cells are written.
public struct Buffer: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// Drop colours on write (NO_COLOR / --no-color).
    public var monochrome: Bool
    /// Row-major cells.
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, monochrome: Bool = false) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.monochrome = monochrome
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

    /// Writes `text` at (x, y), clipped to `maxWidth` cells (and the buffer edge). A wide grapheme that
    /// does not fit is replaced by a space. Returns the number of cells written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        let style = monochrome ? style.monochrome : style
        if let n = putPrintableASCII(text, x: x, y: y, style: style, limit: limit) { return n }
        if ScalarGraphemes.isSimple(text) {
            // Each scalar is a grapheme (``ScalarGraphemes``): the same cells, without grapheme breaking.
            return putUnits(text.unicodeScalars, x: x, y: y, style: style, limit: limit,
                            accept: { $0.accept(scalar: $1.value) }, width: { DisplayWidth.of(scalar: $0.value) }, grapheme: { String($0) })
        }
        return putGraphemes(text, x: x, y: y, style: style, limit: limit)
    }

    /// `put` by grapheme: the general path.
    mutating func putGraphemes(_ text: String, x: Int, y: Int, style: Style, limit: Int) -> Int {
        putUnits(text, x: x, y: y, style: style, limit: limit,
                 accept: { $0.accept($1) }, width: { DisplayWidth.of($0) }, grapheme: { String($0) })
    }

    /// Writes one grapheme per unit of `units`, sanitised and clipped at `limit`.
    private mutating func putUnits<Units: Sequence>(
        _ units: Units, x: Int, y: Int, style: Style, limit: Int, accept: (inout Sanitize.Filter, Units.Element) -> Bool,
        width: (Units.Element) -> Int, grapheme: (Units.Element) -> String
    ) -> Int {
        var col = x
        var filter = Sanitize.Filter()
        for unit in units {
            guard accept(&filter, unit) else { continue }
            let w = width(unit)
            if w == 0 { continue }
            if col + w > limit {
                if col < limit, col >= 0 { setCell(col, y, Cell(grapheme: " ", width: 1, style: style)) }
                if col < limit { col += 1 }
                break
            }
            if col >= 0 {
                setCell(col, y, Cell(grapheme: grapheme(unit), width: UInt8(w), style: style))
                if w == 2 { setCell(col + 1, y, Cell(grapheme: "", width: 0, style: style)) }
            }
            col += w
        }
        return max(0, col - x)
    }

    /// `put` for text made only of printable ASCII (0x20...0x7E): one cell per byte, nothing to
    /// sanitise or measure. Returns nil for any other text.
    private mutating func putPrintableASCII(_ text: String, x: Int, y: Int, style: Style, limit: Int) -> Int? {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        var col = x
        for b in utf8 {
            if col + 1 > limit { break }
            if col >= 0 { setCell(col, y, Cell(grapheme: Self.asciiGraphemes[Int(b)], width: 1, style: style)) }
            col += 1
        }
        return max(0, col - x)
    }

    /// One-character strings for the ASCII range, so the fast path builds no strings.
    private static let asciiGraphemes: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

    /// Fills a rectangle with blanks in `style`.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: Style = .plain) {
        let style = monochrome ? style.monochrome : style
        for row in max(0, y)..<min(height, y + h) {
            for col in max(0, x)..<min(width, x + w) { cells[row * width + col] = Cell(grapheme: " ", width: 1, style: style) }
        }
    }

    /// Changes the style of existing cells in a row span (e.g. to highlight a selected row).
    public mutating func restyle(x: Int, y: Int, width w: Int, _ change: (inout Style) -> Void) {
        guard y >= 0, y < height else { return }
        for col in max(0, x)..<min(width, x + w) {
            change(&cells[y * width + col].style)
            if monochrome { cells[y * width + col].style = cells[y * width + col].style.monochrome }
        }
    }

    private mutating func setCell(_ x: Int, _ y: Int, _ cell: Cell) {
        let i = y * width + x
        // Overwriting half of a wide grapheme blanks its other half.
        if cells[i].width == 2, x + 1 < width, cell.width != 2 { cells[i + 1] = Cell(grapheme: " ", width: 1, style: cells[i].style) }
        if cells[i].width == 0, x > 0, cells[i - 1].width == 2 { cells[i - 1] = Cell(grapheme: " ", width: 1, style: cells[i - 1].style) }
        cells[i] = cell
    }

    /// The characters, rows joined by "\n", trailing spaces trimmed (for text snapshots).
    public func text() -> String {
        var rows: [String] = []
        rows.reserveCapacity(height)
        for y in 0..<height {
            var row = ""
            for x in 0..<width { row += cells[y * width + x].grapheme }
            while row.hasSuffix(" ") { row.removeLast() }
            rows.append(row)
        }
        return rows.joined(separator: "\n")
    }

    /// The style layer: for each row with non-plain cells, `row: from-to style; ...` runs (for snapshots).
    public func styleText() -> String {
        var out: [String] = []
        for y in 0..<height {
            var runs: [String] = []
            var x = 0
            while x < width {
                let s = cells[y * width + x].style
                var end = x
                while end + 1 < width, cells[y * width + end + 1].style == s { end += 1 }
                if s != .plain { runs.append("\(x)-\(end) \(s.summary)") }
                x = end + 1
            }
            if !runs.isEmpty { out.append("\(y): " + runs.joined(separator: "; ")) }
        }
        return out.joined(separator: "\n")
    }
}
