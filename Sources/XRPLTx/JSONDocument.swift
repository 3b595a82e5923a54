/// A parsed JSON text: the value tree plus the source position of every node.
///
/// Positions are keyed by JSON path: `""` is the root, object members are joined with `.`
/// (`Amount.issuer`), array elements use brackets (`Memos[0].Memo.MemoData`).
public struct JSONDocument: Sendable {
    /// The root value.
    public var root: JSONValue
    /// UTF-8 offset where each node's value starts, by path.
    public var valueOffsets: [String: Int]
    /// UTF-8 offset of the opening quote of each object member's key, by path.
    public var keyOffsets: [String: Int]
    /// Converts offsets to line and column.
    public var locator: SourceLocator

    /// Parses `text`; throws ``JSONParseError`` with line and column on bad syntax or duplicate keys.
    public init(parsing text: String) throws(JSONParseError) {
        var parser = JSONParser(text: text)
        self = try parser.parseDocument()
    }

    init(root: JSONValue, valueOffsets: [String: Int], keyOffsets: [String: Int], locator: SourceLocator) {
        self.root = root
        self.valueOffsets = valueOffsets
        self.keyOffsets = keyOffsets
        self.locator = locator
    }

    /// 1-based line and column where the value at `path` starts, or `nil` when no such node exists.
    public func location(of path: String) -> (line: Int, column: Int)? {
        guard let offset = valueOffsets[path] else { return nil }
        return locator.location(ofOffset: offset)
    }

    /// Location of the value at `path`, else of its closest existing ancestor, else the root.
    func nearestOffset(of path: String) -> Int {
        var current = Substring(path)
        while true {
            if let offset = valueOffsets[String(current)] { return offset }
            if current.isEmpty { return 0 }
            if let cut = current.lastIndex(where: { $0 == "." || $0 == "[" }) {
                current = current[..<cut]
            } else {
                current = ""
            }
        }
    }
}
