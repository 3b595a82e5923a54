import Foundation

/// Reads a webhook delivery body straight from its bytes, for the inbox's hot path.
///
/// `JSONDecoder` with `Codable` cost about 30 µs per delivery, the largest single part of verifying
/// one. This reader handles the shape deliveries have (strings with at most the short escapes,
/// integers where integers belong) in one pass, and gives up on anything else (`nil`): a `\u`
/// escape, invalid UTF-8, a byte-order mark, a duplicate key, a non-null `custom_meta.blob`, a
/// number with a fraction, anything JSONDecoder's lenient parser accepts beyond strict JSON. ``decode(_:)`` then falls back to `JSONDecoder`, so the result is always what
/// `JSONDecoder` would give (a differential test holds the two together). Unknown keys are
/// skipped, but their values are still checked to be well-formed JSON, so a malformed body is never
/// accepted here.
public enum WebhookBodyReader {
    private static let decoder = JSONDecoder()

    /// The decoded body, or nil when the bytes are not a valid webhook body.
    public static func decode(_ bytes: [UInt8]) -> WebhookBody? {
        if let fast = bytes.withUnsafeBufferPointer({ read($0) }) { return fast }
        return try? decoder.decode(WebhookBody.self, from: Data(bytes))
    }

    /// The fast path alone (nil: not handled here, which is not the same as invalid).
    public static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> WebhookBody? {
        var scanner = Scanner(bytes: bytes)
        guard let body = try? scanner.body(), scanner.atEnd() else { return nil }
        return body
    }

    /// Thrown to leave the fast path; never escapes this file.
    private struct GiveUp: Error {}

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0

        mutating func atEnd() -> Bool {
            skipSpace()
            return i == bytes.count
        }

        mutating func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        }

        mutating func peek() throws -> UInt8 {
            skipSpace()
            guard i < bytes.count else { throw GiveUp() }
            return bytes[i]
        }

        mutating func expect(_ byte: UInt8) throws {
            guard try peek() == byte else { throw GiveUp() }
            i += 1
        }

        /// Calls `field` for each key of an object; the callback must consume the value.
        /// A repeated key gives up (JSONDecoder's choice between the two is not ours to guess).
        mutating func object(_ field: (inout Scanner, String) throws -> Void) throws {
            try expect(0x7B)
            var keys = Set<String>()
            if try peek() == 0x7D { i += 1; return }
            while true {
                let key = try string()
                guard keys.insert(key).inserted else { throw GiveUp() }
                try expect(0x3A)
                try field(&self, key)
                let next = try peek()
                i += 1
                if next == 0x7D { return }
                guard next == 0x2C else { throw GiveUp() }
            }
        }

        /// A string: plain bytes are taken as they are, the short escapes (`\/` as JSONEncoder writes
        /// URLs, `\"`, `\n`, ...) are unescaped, non-ASCII must be valid UTF-8; `\u` gives up.
        mutating func string() throws -> String {
            try expect(0x22)
            let start = i
            var ascii = true
            while i < bytes.count {
                let b = bytes[i]
                if b == 0x22 {
                    let raw = UnsafeBufferPointer(rebasing: bytes[start..<i])
                    i += 1
                    if ascii { return String(decoding: raw, as: UTF8.self) }
                    guard let s = String(validating: raw, as: UTF8.self) else { throw GiveUp() }
                    return s
                }
                if b == 0x5C { return try escapedString(from: start) }
                guard b >= 0x20 else { throw GiveUp() }
                if b >= 0x80 { ascii = false }
                i += 1
            }
            throw GiveUp()
        }

        /// The rest of a string that has an escape; `start` is just after the opening quote.
        mutating func escapedString(from start: Int) throws -> String {
            var out = Array(bytes[start..<i])
            while i < bytes.count {
                let b = bytes[i]
                i += 1
                switch b {
                case 0x22:
                    guard let s = String(validating: out, as: UTF8.self) else { throw GiveUp() }
                    return s
                case 0x5C:
                    guard i < bytes.count else { throw GiveUp() }
                    let e = bytes[i]
                    i += 1
                    switch e {
                    case 0x22, 0x5C, 0x2F: out.append(e)
                    case 0x62: out.append(0x08)
                    case 0x66: out.append(0x0C)
                    case 0x6E: out.append(0x0A)
                    case 0x72: out.append(0x0D)
                    case 0x74: out.append(0x09)
                    default: throw GiveUp()
                    }
                case 0..<0x20: throw GiveUp()
                default: out.append(b)
                }
            }
            throw GiveUp()
        }

        /// True when the next value is `null` (and consumes it).
        mutating func null() throws -> Bool {
            guard try peek() == 0x6E else { return false }
            try literal("null")
            return true
        }

        mutating func literal(_ word: StaticString) throws {
            let n = word.utf8CodeUnitCount
            guard i + n <= bytes.count else { throw GiveUp() }
            let p = word.utf8Start
            for k in 0..<n where bytes[i + k] != p[k] { throw GiveUp() }
            i += n
        }

        mutating func optionalString() throws -> String? { try null() ? nil : string() }

        mutating func bool() throws -> Bool {
            switch try peek() {
            case 0x74: try literal("true"); return true
            case 0x66: try literal("false"); return false
            default: throw GiveUp()
            }
        }

        mutating func optionalBool() throws -> Bool? { try null() ? nil : bool() }

        /// An integer without fraction or exponent that fits `Int`.
        mutating func optionalInt() throws -> Int? {
            if try null() { return nil }
            var negative = false
            if bytes[i] == 0x2D { negative = true; i += 1 }
            let start = i
            var value = 0
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int(bytes[i] - 0x30))
                guard !o1, !o2 else { throw GiveUp() }
                value = a
                i += 1
            }
            let digits = i - start
            guard digits > 0, !(digits > 1 && bytes[start] == 0x30) else { throw GiveUp() }
            if i < bytes.count, bytes[i] == 0x2E || bytes[i] == 0x65 || bytes[i] == 0x45 { throw GiveUp() }
            return negative ? -value : value
        }

        /// Skips any well-formed JSON value (strings under the same rules as ``string()``).
        mutating func skipValue(depth: Int = 0) throws {
            guard depth < 32 else { throw GiveUp() }
            switch try peek() {
            case 0x7B: try object { s, _ in try s.skipValue(depth: depth + 1) }
            case 0x5B:
                i += 1
                if try peek() == 0x5D { i += 1; return }
                while true {
                    try skipValue(depth: depth + 1)
                    let next = try peek()
                    i += 1
                    if next == 0x5D { return }
                    guard next == 0x2C else { throw GiveUp() }
                }
            case 0x22: _ = try string()
            case 0x74, 0x66: _ = try bool()
            case 0x6E: try literal("null")
            default: try skipNumber()
            }
        }

        /// JSON number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
        mutating func skipNumber() throws {
            if i < bytes.count, bytes[i] == 0x2D { i += 1 }
            guard i < bytes.count else { throw GiveUp() }
            if bytes[i] == 0x30 { i += 1 } else { try digits() }
            if i < bytes.count, bytes[i] == 0x2E { i += 1; try digits() }
            if i < bytes.count, bytes[i] == 0x65 || bytes[i] == 0x45 {
                i += 1
                if i < bytes.count, bytes[i] == 0x2B || bytes[i] == 0x2D { i += 1 }
                try digits()
            }
        }

        mutating func digits() throws {
            let start = i
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
            guard i > start else { throw GiveUp() }
        }

        // MARK: The webhook body

        mutating func body() throws -> WebhookBody {
            var meta: WebhookBody.Meta?
            var customMeta: CustomMeta?
            var response: WebhookBody.PayloadResponse?
            var token: WebhookBody.UserToken?
            try object { s, key in
                switch key {
                case "meta": meta = try s.meta()
                case "custom_meta": customMeta = try s.null() ? nil : s.customMeta()
                case "payloadResponse": response = try s.null() ? nil : s.payloadResponse()
                case "userToken": token = try s.null() ? nil : s.userToken()
                default: try s.skipValue()
                }
            }
            guard let meta else { throw GiveUp() }
            return WebhookBody(meta: meta, customMeta: customMeta, payloadResponse: response, userToken: token)
        }

        mutating func meta() throws -> WebhookBody.Meta {
            var url: String?, app: String?, uuid: String?, deeplink: Bool?
            try object { s, key in
                switch key {
                case "url": url = try s.optionalString()
                case "application_uuidv4": app = try s.optionalString()
                case "payload_uuidv4": uuid = try s.string()
                case "opened_by_deeplink": deeplink = try s.optionalBool()
                default: try s.skipValue()
                }
            }
            guard let uuid else { throw GiveUp() }
            return .init(url: url, applicationUUID: app, payloadUUID: uuid, openedByDeeplink: deeplink)
        }

        mutating func customMeta() throws -> CustomMeta {
            var meta = CustomMeta()
            try object { s, key in
                switch key {
                case "identifier": meta.identifier = try s.optionalString()
                case "instruction": meta.instruction = try s.optionalString()
                case "blob": guard try s.null() else { throw GiveUp() }
                default: try s.skipValue()
                }
            }
            return meta
        }

        mutating func payloadResponse() throws -> WebhookBody.PayloadResponse {
            var uuid: String?, reference: String?, signed: Bool?, issued: Bool?, txid: String?
            var returnURL: ReturnURL?
            try object { s, key in
                switch key {
                case "payload_uuidv4": uuid = try s.string()
                case "reference_call_uuidv4": reference = try s.optionalString()
                case "signed": signed = try s.bool()
                case "user_token": issued = try s.optionalBool()
                case "txid": txid = try s.optionalString()
                case "return_url": returnURL = try s.null() ? nil : s.returnURL()
                default: try s.skipValue()
                }
            }
            guard let uuid, let signed else { throw GiveUp() }
            return .init(payloadUUID: uuid, referenceCallUUID: reference, signed: signed, userToken: issued, returnURL: returnURL, txid: txid)
        }

        mutating func returnURL() throws -> ReturnURL {
            var url = ReturnURL()
            try object { s, key in
                switch key {
                case "app": url.app = try s.optionalString()
                case "web": url.web = try s.optionalString()
                default: try s.skipValue()
                }
            }
            return url
        }

        mutating func userToken() throws -> WebhookBody.UserToken {
            var token: String?, issued: Int?, expiration: Int?
            try object { s, key in
                switch key {
                case "user_token": token = try s.string()
                case "token_issued": issued = try s.optionalInt()
                case "token_expiration": expiration = try s.optionalInt()
                default: try s.skipValue()
                }
            }
            guard let token else { throw GiveUp() }
            return .init(userToken: token, tokenIssued: issued, tokenExpiration: expiration)
        }
    }
}
