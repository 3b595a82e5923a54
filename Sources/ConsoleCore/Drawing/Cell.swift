/// One terminal cell: a grapheme with its display width. A wide grapheme (width 2) is followed by a
/// continuation cell with an empty grapheme and width 0.
public struct Cell: Sendable, Equatable {
    public var grapheme: String
    public var width: UInt8
    public var style: Style
    public init(grapheme: String, width: UInt8, style: Style) {
        self.grapheme = grapheme; self.width = width; self.style = style
    }
    public static let blank = Cell(grapheme: " ", width: 1, style: .plain)
    /// True for the right half of a wide grapheme.
    public var isContinuation: Bool { width == 0 }
}
