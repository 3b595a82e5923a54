import Foundation

/// A txjson object exactly as the operator wrote it. The text is sent verbatim so that key order
/// (and number formatting) is preserved on the wire.
public struct TxJSON: Sendable, Equatable {
    /// The object's JSON text, as written.
    public let text: String
    /// `TransactionType`, when present.
    public let transactionType: String?

    /// Parses `text`; fails when it is not a single JSON object.
    public init(text: String) throws {
        let parsed = try JSONValue.parse(Data(text.utf8))
        guard case .object = parsed else { throw XummError.invalidRequest("txjson must be a JSON object") }
        self.text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        self.transactionType = parsed["TransactionType"]?.stringValue
    }

    /// Text that the caller has already parsed and validated as one JSON object (the push path:
    /// the console's Compose pane or `pushdesk push` checked it once); not parsed again here.
    public init(validatedText text: String, transactionType: String?) {
        self.text = text
        self.transactionType = transactionType
    }

    /// Builds from a parsed value (keys serialised in sorted order).
    public init(value: JSONValue) {
        self.text = value.jsonText
        self.transactionType = value["TransactionType"]?.stringValue
    }

    /// The parsed object (parsed on each read: only the simulator and tests look inside).
    public var value: JSONValue { (try? JSONValue.parse(Data(text.utf8))) ?? .null }
}
