import Foundation

/// The platform's two error shapes:
/// `{"error": {"reference": "...", "code": 602}}` and `{"error": true, "message": "...", "reference": "...", "code": 500}`.
public struct PlatformErrorBody: Sendable, Equatable, Codable {
    public var code: Int?
    public var reference: String?
    public var message: String?

    public init(code: Int?, reference: String?, message: String? = nil) { self.code = code; self.reference = reference; self.message = message }

    enum CodingKeys: String, CodingKey { case error, code, reference, message }
    struct Nested: Codable { var reference: String?; var code: Int?; var message: String? }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let nested = try? c.decode(Nested.self, forKey: .error) {
            code = nested.code; reference = nested.reference; message = nested.message
        } else if (try? c.decode(Bool.self, forKey: .error)) == true {
            code = Self.flexibleInt(c, .code)
            reference = try c.decodeIfPresent(String.self, forKey: .reference)
            message = try c.decodeIfPresent(String.self, forKey: .message)
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: [CodingKeys.error], debugDescription: "no error object"))
        }
    }

    private static func flexibleInt(_ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) -> Int? {
        if let i = try? c.decode(Int.self, forKey: key) { return i }
        if let s = try? c.decode(String.self, forKey: key) { return Int(s) }
        return nil
    }

    /// Encodes the nested shape, the platform's usual one.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Nested(reference: reference, code: code, message: message), forKey: .error)
    }
}
