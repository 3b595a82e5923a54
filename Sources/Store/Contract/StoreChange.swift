import Foundation

/// What one write changed, as the change feed tells other processes: a kind and a key, never the
/// row (a reader loads what it needs). Every write another process must see appends one per
/// touched row in the same transaction (see ``PushDeskStore/changes(after:limit:)``).
public enum StoreChange: Sendable, Hashable, CustomStringConvertible {
    /// A user was added, renamed, renewed, verified or forgotten (key: the user token).
    case user(String)
    /// A payload was created, progressed or resolved (key: its uuid).
    case payload(String)
    /// An audit entry was appended (key: its number in the audit log).
    case audit(Int64)
    /// A webhook delivery was recorded (key: the delivery key).
    case delivery(String)

    /// The stored kind: `user`, `payload`, `audit`, `delivery`.
    public var kind: String {
        switch self {
        case .user: return "user"
        case .payload: return "payload"
        case .audit: return "audit"
        case .delivery: return "delivery"
        }
    }

    /// The stored key.
    public var key: String {
        switch self {
        case .user(let k), .payload(let k), .delivery(let k): return k
        case .audit(let id): return String(id)
        }
    }

    /// The change of a stored kind and key; nil for a kind this version does not know (skipped,
    /// so an older console reads a newer store's feed).
    public init?(kind: String, key: String) {
        switch kind {
        case "user": self = .user(key)
        case "payload": self = .payload(key)
        case "audit": guard let id = Int64(key) else { return nil }; self = .audit(id)
        case "delivery": self = .delivery(key)
        default: return nil
        }
    }

    public var description: String { "\(kind)(\(key))" }
}

/// A change with its place in the feed: numbers only grow, in commit order.
public struct NumberedChange: Sendable, Hashable {
    public var number: Int64
    public var change: StoreChange
    /// The ``PushDeskStore/changeOrigin`` of the handle that wrote it (nil for rows from before origins were kept).
    public var origin: String?
    public init(number: Int64, change: StoreChange, origin: String? = nil) {
        self.number = number; self.change = change; self.origin = origin
    }
}

/// Names for store handles: unique per process and per handle.
public enum ChangeOrigin {
    /// A fresh origin: the process id and a random suffix.
    public static func make() -> String {
        "pid\(getpid())-\(UInt32.random(in: 0 ... .max))"
    }
}
