/// A frame: a `width × height` grid of cells that `ConsoleCore.view` fills and the Terminal draws.
///
/// Every string written through `put` is sanitised (no control characters or escape sequences) and
/// measured per grapheme. With `monochrome` set, colours are dropped as cells are written.
///
/// Cells are stored as plain values (a scalar or an index into `clusters`, a width, a style), so a
/// frame is filled and copied without reference counting; with a `String` per cell that counting
/// was most of the cost of building a frame. ``subscript(x:y:)`` hands out ``Cell``s as before.
public struct Buffer: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// Drop colours on write (NO_COLOR / --no-color).
    public var monochrome: Bool
    /// Row-major cells as stored.
    private var stored: [StoredCell]
    /// Graphemes of more than one scalar, referred to by index from `stored`.
    private var clusters: [String] = []

    /// One cell as stored: `code` is a scalar value, ``StoredCell/empty`` (the right half of a wide
    /// grapheme), or ``StoredCell/clusterFlag`` plus an index into `clusters`.
    private struct StoredCell: Sendable, Equatable {
        var code: UInt32
        var width: UInt8
        var style: Style
        static let empty: UInt32 = .max
        static let clusterFlag: UInt32 = 0x8000_0000
        static let blank = StoredCell(code: 0x20, width: 1, style: .plain)
    }

    /// What to write in one cell, before it is stored.
    private enum Glyph {
        case scalar(UInt32)
        case cluster(Character)
    }

    public init(width: Int, height: Int, monochrome: Bool = false) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.monochrome = monochrome
        stored = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell { cell(stored[y * width + x]) }

    /// Row-major cells.
    public var cells: [Cell] { stored.map(cell) }

    private func cell(_ s: StoredCell) -> Cell { Cell(grapheme: grapheme(s.code), width: s.width, style: s.style) }

    private func grapheme(_ code: UInt32) -> String {
        if code == StoredCell.empty { return "" }
        if code & StoredCell.clusterFlag != 0 { return clusters[Int(code & ~StoredCell.clusterFlag)] }
        return Unicode.Scalar(code).map { String($0) } ?? "\u{FFFD}"
    }

    /// Same size, mode and visible cells (however the graphemes happen to be stored).
    public static func == (a: Buffer, b: Buffer) -> Bool {
        guard a.width == b.width, a.height == b.height, a.monochrome == b.monochrome else { return false }
        if a.clusters.isEmpty, b.clusters.isEmpty { return a.stored == b.stored }
        for (p, q) in zip(a.stored, b.stored) {
            guard p.width == q.width, p.style == q.style else { return false }
            if p.code == q.code, p.code & StoredCell.clusterFlag == 0 { continue }
            guard a.grapheme(p.code) == b.grapheme(q.code) else { return false }
        }
        return true
    }

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
                            accept: { $0.accept(scalar: $1.value) }, width: { DisplayWidth.of(scalar: $0.value) }, glyph: { .scalar($0.value) })
        }
        return putGraphemes(text, x: x, y: y, style: style, limit: limit)
    }

    /// `put` by grapheme: the general path.
    mutating func putGraphemes(_ text: String, x: Int, y: Int, style: Style, limit: Int) -> Int {
        putUnits(text, x: x, y: y, style: style, limit: limit, accept: { $0.accept($1) }, width: { DisplayWidth.of($0) }, glyph: { ch in
            let scalars = ch.unicodeScalars
            return scalars.count == 1 ? .scalar(scalars.first!.value) : .cluster(ch)
        })
    }

    /// Writes one grapheme per unit of `units`, sanitised and clipped at `limit`.
    private mutating func putUnits<Units: Sequence>(
        _ units: Units, x: Int, y: Int, style: Style, limit: Int, accept: (inout Sanitize.Filter, Units.Element) -> Bool,
        width: (Units.Element) -> Int, glyph: (Units.Element) -> Glyph
    ) -> Int {
        var col = x
        var filter = Sanitize.Filter()
        for unit in units {
            guard accept(&filter, unit) else { continue }
            let w = width(unit)
            if w == 0 { continue }
            if col + w > limit {
                if col < limit, col >= 0 { setCell(col, y, code: 0x20, width: 1, style: style) }
                if col < limit { col += 1 }
                break
            }
            if col >= 0 {
                let code: UInt32
                switch glyph(unit) {
                case .scalar(let v): code = v
                case .cluster(let ch):
                    code = StoredCell.clusterFlag | UInt32(clusters.count)
                    clusters.append(String(ch))
                }
                setCell(col, y, code: code, width: UInt8(w), style: style)
                if w == 2 { setCell(col + 1, y, code: StoredCell.empty, width: 0, style: style) }
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
            if col >= 0 { setCell(col, y, code: UInt32(b), width: 1, style: style) }
            col += 1
        }
        return max(0, col - x)
    }

    /// Fills a rectangle with blanks in `style`.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: Style = .plain) {
        let style = monochrome ? style.monochrome : style
        for row in max(0, y)..<min(height, y + h) {
            for col in max(0, x)..<min(width, x + w) { stored[row * width + col] = StoredCell(code: 0x20, width: 1, style: style) }
        }
    }

    /// Changes the style of existing cells in a row span (e.g. to highlight a selected row).
    public mutating func restyle(x: Int, y: Int, width w: Int, _ change: (inout Style) -> Void) {
        guard y >= 0, y < height else { return }
        for col in max(0, x)..<min(width, x + w) {
            change(&stored[y * width + col].style)
            if monochrome { stored[y * width + col].style = stored[y * width + col].style.monochrome }
        }
    }

    private mutating func setCell(_ x: Int, _ y: Int, code: UInt32, width w: UInt8, style: Style) {
        let i = y * width + x
        // Overwriting half of a wide grapheme blanks its other half.
        if stored[i].width == 2, x + 1 < width, w != 2 { stored[i + 1] = StoredCell(code: 0x20, width: 1, style: stored[i].style) }
        if stored[i].width == 0, x > 0, stored[i - 1].width == 2 { stored[i - 1] = StoredCell(code: 0x20, width: 1, style: stored[i - 1].style) }
        stored[i] = StoredCell(code: code, width: w, style: style)
    }

    /// The characters, rows joined by "\n", trailing spaces trimmed (for text snapshots).
    public func text() -> String {
        var rows: [String] = []
        rows.reserveCapacity(height)
        for y in 0..<height {
            var row = ""
            for x in 0..<width { row += grapheme(stored[y * width + x].code) }
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
                let s = stored[y * width + x].style
                var end = x
                while end + 1 < width, stored[y * width + end + 1].style == s { end += 1 }
                if s != .plain { runs.append("\(x)-\(end) \(s.summary)") }
                x = end + 1
            }
            if !runs.isEmpty { out.append("\(y): " + runs.joined(separator: "; ")) }
        }
        return out.joined(separator: "\n")
    }
}
