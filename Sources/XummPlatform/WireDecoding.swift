import Foundation

/// Decoding helpers shared by every wire model: BOM stripping, error paths, lenient scalars.
public enum WireDecoding {
    /// Removes a UTF-8 byte-order mark if the data starts with one.
    public static func strippingBOM(_ data: Data) -> Data {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { return data.dropFirst(3) }
        return data
    }

    /// Decodes `T` from a body, turning a decoding failure into `XummError.undecodable` with the
    /// failing field's path (`meta.resolved`).
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(XummError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: strippingBOM(data))
        } catch let error as DecodingError {
            throw XummError.undecodable(type: String(describing: T.self), path: describe(error).path, reason: describe(error).reason)
        } catch {
            throw XummError.undecodable(type: String(describing: T.self), path: "", reason: "\(error)")
        }
    }

    static func describe(_ error: DecodingError) -> (path: String, reason: String) {
        func join(_ path: [CodingKey]) -> String {
            path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let ctx): return (join(ctx.codingPath + [key]), "missing key")
        case .typeMismatch(let type, let ctx): return (join(ctx.codingPath), "expected \(type)")
        case .valueNotFound(let type, let ctx): return (join(ctx.codingPath), "null where \(type) expected")
        case .dataCorrupted(let ctx): return (join(ctx.codingPath), ctx.debugDescription)
        @unknown default: return ("", "\(error)")
        }
    }
}

/// A boolean the platform sometimes sends as `0`/`1` (`application.disabled`).
public struct FlexibleBool: Sendable, Equatable, Codable, Hashable, ExpressibleByBooleanLiteral {
    public var value: Bool
    public init(_ value: Bool) { self.value = value }
    public init(booleanLiteral value: Bool) { self.value = value }
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) { value = b }
        else if let i = try? c.decode(Int.self) { value = i != 0 }
        else if let s = try? c.decode(String.self) { value = ["1", "true", "yes"].contains(s.lowercased()) }
        else { throw DecodingError.dataCorruptedError(in: c, debugDescription: "expected a boolean or 0/1") }
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value ? 1 : 0)
    }
}
