/// A txjson text parsed and validated once: what the Compose pane shows findings for and what a
/// push sends. The push path carries this value, so nothing parses the text a second time.
public struct ComposedTransaction: Sendable, Equatable {
    /// The text as written: sent verbatim, so key order and number lexemes reach the platform
    /// exactly as the operator typed them (finding positions refer to it).
    public let text: String
    /// The parsed object (key order kept); `nil` when the text is not valid JSON.
    public let root: JSONValue?
    /// Every finding, errors and warnings, anchored in `text`.
    public let findings: [Finding]

    /// Parses and validates `text`. Blank text has no findings and is not sendable.
    public init(text: String) {
        self.text = text
        guard !text.allSatisfy(\.isWhitespace) else { root = nil; findings = []; return }
        do {
            let document = try JSONDocument(parsing: text)
            root = document.root
            findings = TxValidator.validate(txjson: document)
        } catch {
            root = nil
            findings = [ValidationContext.parseFinding(error)]
        }
    }

    /// `TransactionType`, when present.
    public var transactionType: String? { root?["TransactionType"]?.stringValue }

    /// The error findings (warnings do not block a push).
    public var errors: [Finding] { findings.filter { $0.severity == .error } }

    /// True when the text is a JSON object without error findings.
    public var isSendable: Bool {
        guard case .object? = root else { return false }
        return !findings.contains { $0.severity == .error }
    }
}
