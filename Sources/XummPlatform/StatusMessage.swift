import Foundation

/// One message on a payload's status websocket (`wss://xumm.app/sign/{uuid}`).
public enum StatusMessage: Sendable, Equatable {
    /// `{"message":"Welcome <uuid>"}`.
    case welcome(uuid: String)
    /// `{"expires_in_seconds": N}`; negative after expiry.
    case expiresIn(seconds: Int)
    case opened
    case devappFetched
    case preSigned
    case dispatched
    /// The resolve message: signed or rejected.
    case resolved(Resolution)
    /// `{"expired":true}`; the server keeps the socket open afterwards.
    case expired
    /// `{"message":"Right back at you!"}`, the answer to `{"ping":true}`.
    case pong
    /// Any other `{"message": ...}`.
    case message(String)
    /// Anything not understood, kept verbatim.
    case unknown(raw: String)

    /// The resolve message's fields. `user_token` is a boolean here.
    public struct Resolution: Sendable, Equatable, Codable {
        public var payloadUUID: String?
        public var referenceCallUUID: String?
        public var signed: Bool
        public var userToken: Bool?
        public var txid: String?
        public var openedByDeeplink: Bool?
        public var returnURL: ReturnURL?
        public var customMeta: CustomMeta?
        enum CodingKeys: String, CodingKey {
            case signed, txid
            case payloadUUID = "payload_uuidv4", referenceCallUUID = "reference_call_uuidv4", userToken = "user_token"
            case openedByDeeplink = "opened_by_deeplink", returnURL = "return_url", customMeta = "custom_meta"
        }
        public init(payloadUUID: String?, referenceCallUUID: String?, signed: Bool, userToken: Bool?, txid: String?,
                    openedByDeeplink: Bool? = nil, returnURL: ReturnURL? = ReturnURL(), customMeta: CustomMeta? = nil) {
            self.payloadUUID = payloadUUID; self.referenceCallUUID = referenceCallUUID; self.signed = signed; self.userToken = userToken
            self.txid = txid; self.openedByDeeplink = openedByDeeplink; self.returnURL = returnURL; self.customMeta = customMeta
        }
    }

    /// Decodes one text frame. Never throws: what is not understood becomes `.unknown`.
    public static func decode(_ text: String) -> StatusMessage {
        // The frames the platform sends most, byte for byte: answered without a JSON parse.
        switch text {
        case #"{"opened":true}"#: return .opened
        case #"{"devapp_fetched":true}"#: return .devappFetched
        case #"{"pre_signed":true}"#: return .preSigned
        case #"{"dispatched":true}"#: return .dispatched
        case #"{"expired":true}"#: return .expired
        case #"{"message":"Right back at you!"}"#: return .pong
        default: break
        }
        guard let value = try? JSONValue.parse(Data(text.utf8)), case .object(let o) = value else { return .unknown(raw: text) }
        if let signed = o["signed"]?.boolValue {
            if let r = try? JSONDecoder().decode(Resolution.self, from: Data(text.utf8)) { return .resolved(r) }
            return .resolved(Resolution(payloadUUID: o["payload_uuidv4"]?.stringValue, referenceCallUUID: nil, signed: signed,
                                        userToken: o["user_token"]?.boolValue, txid: o["txid"]?.stringValue))
        }
        if o["expired"]?.boolValue == true { return .expired }
        if let n = o["expires_in_seconds"]?.numberValue, n.isFinite, abs(n) < 1e12 { return .expiresIn(seconds: Int(n)) }
        if o["opened"]?.boolValue == true { return .opened }
        if o["devapp_fetched"]?.boolValue == true { return .devappFetched }
        if o["pre_signed"]?.boolValue == true { return .preSigned }
        if o["dispatched"]?.boolValue == true { return .dispatched }
        if let m = o["message"]?.stringValue {
            if m == "Right back at you!" { return .pong }
            if m.hasPrefix("Welcome ") { return .welcome(uuid: String(m.dropFirst("Welcome ".count))) }
            return .message(m)
        }
        return .unknown(raw: text)
    }

    /// The frame text the platform sends for this message.
    public var wireText: String {
        switch self {
        case .welcome(let uuid): return StatusMessage.message("Welcome \(uuid)").wireText
        case .expiresIn(let n): return #"{"expires_in_seconds":\#(n)}"#
        case .opened: return #"{"opened":true}"#
        case .devappFetched: return #"{"devapp_fetched":true}"#
        case .preSigned: return #"{"pre_signed":true}"#
        case .dispatched: return #"{"dispatched":true}"#
        case .expired: return #"{"expired":true}"#
        case .pong: return #"{"message":"Right back at you!"}"#
        case .message(let m): return (try? String(data: JSONEncoder().encode(["message": m]), encoding: .utf8)) ?? "{}"
        case .unknown(let raw): return raw
        case .resolved(let r):
            let enc = JSONEncoder()
            enc.outputFormatting = [.withoutEscapingSlashes]
            return (try? enc.encode(r)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
        }
    }
}
