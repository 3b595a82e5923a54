import Foundation

/// Answer to `DELETE /payload/{uuid}`.
public struct PayloadCancelResponse: Sendable, Equatable, Codable {
    public struct Result: Sendable, Equatable, Codable {
        public var cancelled: Bool
        public var reason: CancelReason
        public init(cancelled: Bool, reason: CancelReason) { self.cancelled = cancelled; self.reason = reason }
    }
    public var result: Result
    public var meta: PayloadMeta
    public var customMeta: CustomMeta?
    enum CodingKeys: String, CodingKey { case result, meta; case customMeta = "custom_meta" }
    public init(result: Result, meta: PayloadMeta, customMeta: CustomMeta?) { self.result = result; self.meta = meta; self.customMeta = customMeta }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(result, forKey: .result); try c.encode(meta, forKey: .meta)
        try c.encode(customMeta, forKey: .customMeta)
    }
}

/// Why a cancel did or did not take effect (`result.reason`).
public enum CancelReason: Sendable, Equatable, Codable, Hashable {
    case ok, alreadyOpened, alreadyResolved, alreadyExpired, alreadyCancelled, notFound
    case other(String)

    public init(rawValue: String) {
        switch rawValue {
        case "OK": self = .ok
        case "ALREADY_OPENED": self = .alreadyOpened
        case "ALREADY_RESOLVED": self = .alreadyResolved
        case "ALREADY_EXPIRED": self = .alreadyExpired
        case "ALREADY_CANCELLED": self = .alreadyCancelled
        case "NOT_FOUND": self = .notFound
        default: self = .other(rawValue)
        }
    }
    public var rawValue: String {
        switch self {
        case .ok: "OK"
        case .alreadyOpened: "ALREADY_OPENED"
        case .alreadyResolved: "ALREADY_RESOLVED"
        case .alreadyExpired: "ALREADY_EXPIRED"
        case .alreadyCancelled: "ALREADY_CANCELLED"
        case .notFound: "NOT_FOUND"
        case .other(let s): s
        }
    }
    /// Plain words for the operator.
    public var explanation: String {
        switch self {
        case .ok: "cancelled"
        case .alreadyOpened: "not cancelled: the user is looking at it right now (already opened)"
        case .alreadyResolved: "not cancelled: the user already signed or rejected it"
        case .alreadyExpired: "not cancelled: it had already expired"
        case .alreadyCancelled: "it was already cancelled"
        case .notFound: "not cancelled: no such payload"
        case .other(let s): "not cancelled: \(s)"
        }
    }
    public init(from decoder: Decoder) throws { self.init(rawValue: try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(rawValue) }
}
