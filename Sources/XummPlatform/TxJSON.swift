import Foundation

/// A txjson object exactly as the operator wrote it. The text is sent verbatim so that key order
/// (and number formatting) is preserved on the wire; `value` is its parsed form.
public struct TxJSON: Sendable, Equatable {
    /// The object's JSON text, as written.
    public let text: String
    /// The parsed object.
    public let value: JSONValue

    /// Fails when the text is not a single JSON object.
    public init(text: String) throws {
        let parsed = try JSONValue.parse(Data(text.utf8))
        guard case .object = parsed else { throw XummError.invalidRequest("txjson must be a JSON object") }
        self.text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        self.value = parsed
    }

    /// Builds from a parsed value (keys serialised in sorted order).
    public init(value: JSONValue) {
        self.value = value
        self.text = value.jsonText
    }

    /// `TransactionType`, when present.
    public var transactionType: String? { value["TransactionType"]?.stringValue }
}
