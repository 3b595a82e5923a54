/// How serious a validation finding is: errors make a sign request invalid, warnings do not.
public enum FindingSeverity: String, Sendable, Codable {
    case error, warning
}

/// One validation result, anchored in the source text.
public struct Finding: Sendable, Equatable, Codable {
    public var severity: FindingSeverity
    /// JSON path like `Amount.issuer`; `""` for the root and for parse errors.
    public var path: String
    /// Plain English, e.g. "bad checksum: not a valid XRPL classic address".
    public var message: String
    /// 1-based line in the text.
    public var line: Int
    /// 1-based column (in characters/graphemes of that line).
    public var column: Int

    public init(severity: FindingSeverity, path: String, message: String, line: Int, column: Int) {
        self.severity = severity
        self.path = path
        self.message = message
        self.line = line
        self.column = column
    }
}
