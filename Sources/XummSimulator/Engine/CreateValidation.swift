import Foundation
import XummPlatform

/// A refusal in the platform's error shape: HTTP status + `{"error":{"reference","code"}}`.
struct PlatformRefusal: Error, Sendable {
    var status: Int
    var code: Int
    var message: String

    /// Error codes the simulator uses for a refused create.
    static func invalidJSON(_ m: String) -> Self { .init(status: 400, code: 601, message: m) }
    static func invalidTransaction(_ m: String) -> Self { .init(status: 400, code: 602, message: m) }
    static func invalidCustomMeta(_ m: String) -> Self { .init(status: 400, code: 603, message: m) }
    static func duplicateIdentifier(_ id: String) -> Self {
        .init(status: 400, code: 604, message: "custom_meta.identifier \(id) already exists for this application")
    }
}

/// Validates a create body the way the platform does and decodes it.
enum CreateValidation {
    static func validate(_ body: Data) throws(PlatformRefusal) -> (request: PayloadCreateRequest, txType: String, requestJSON: JSONValue) {
        guard let value = try? JSONValue.parse(body), case .object(let o) = value else {
            throw .invalidJSON("the body is not a JSON object")
        }
        let hasJSON = o["txjson"].map { $0 != .null } ?? false
        let hasBlob = o["txblob"].map { $0 != .null } ?? false
        guard hasJSON != hasBlob else { throw .invalidTransaction("exactly one of txjson or txblob is required") }
        let txType: String
        let requestJSON: JSONValue
        if hasJSON {
            guard case .object(let tx) = o["txjson"]! else { throw .invalidTransaction("txjson must be an object") }
            guard let t = tx["TransactionType"]?.stringValue, !t.isEmpty else { throw .invalidTransaction("txjson.TransactionType is required") }
            txType = t
            requestJSON = .object(tx)
        } else {
            guard let blob = o["txblob"]?.stringValue, !blob.isEmpty, blob.count % 2 == 0,
                  blob.allSatisfy(\.isHexDigit) else { throw .invalidTransaction("txblob must be hex") }
            txType = Self.blobTransactionType(blob)
            requestJSON = .object(["TransactionType": .string(txType)])
        }
        let request: PayloadCreateRequest
        do { request = try JSONDecoder().decode(PayloadCreateRequest.self, from: body) } catch {
            throw .invalidJSON("the body does not match the payload schema")
        }
        if let meta = o["custom_meta"], meta != .null {
            guard case .object(let m) = meta else { throw .invalidCustomMeta("custom_meta must be an object") }
            if let id = m["identifier"], id != .null {
                guard let s = id.stringValue, !s.isEmpty, s.count <= 40 else { throw .invalidCustomMeta("custom_meta.identifier must be 1 to 40 characters") }
            }
            if let ins = m["instruction"], ins != .null {
                guard let s = ins.stringValue, s.count <= 280 else { throw .invalidCustomMeta("custom_meta.instruction must be at most 280 characters") }
            }
            if let blob = m["blob"], blob != .null, blob.jsonText.count > 1500 {
                throw .invalidCustomMeta("custom_meta.blob must be at most 1500 characters")
            }
        }
        return (request, txType, requestJSON)
    }

    /// The transaction type of a serialized transaction (`12` + UInt16 field header), for the common types.
    static func blobTransactionType(_ hex: String) -> String {
        let names: [Int: String] = [0: "Payment", 1: "EscrowCreate", 2: "EscrowFinish", 3: "AccountSet", 4: "EscrowCancel",
                                    5: "SetRegularKey", 7: "OfferCreate", 8: "OfferCancel", 12: "SignerListSet", 20: "TrustSet",
                                    21: "AccountDelete", 25: "NFTokenMint", 26: "NFTokenBurn"]
        let upper = hex.uppercased()
        guard upper.hasPrefix("12"), upper.count >= 6, let code = Int(upper.dropFirst(2).prefix(4), radix: 16) else { return "Unknown" }
        return names[code] ?? "Unknown"
    }
}
