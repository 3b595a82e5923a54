/// A JSON syntax error, with the 1-based line and column (in grapheme clusters) where it was found.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Plain English, e.g. `expected ',' or '}' after an object member`.
    public var message: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, counted in characters (grapheme clusters) of that line.
    public var column: Int
    /// UTF-8 byte offset of the error in the text.
    public var offset: Int

    public init(message: String, line: Int, column: Int, offset: Int) {
        self.message = message
        self.line = line
        self.column = column
        self.offset = offset
    }

    public var description: String { "\(line):\(column): \(message)" }
}
