import Foundation

/// Who follows a live payload's status: exactly one process at a time holds its lease and renews it
/// while it follows; when the holder quits or dies, the lease runs out and another process (a
/// console, `pushdesk serve`) may take the payload over.
public struct PayloadLease: Sendable, Equatable {
    /// The payload.
    public var uuid: String
    /// The holding process, as its operator reads it (`dana@desk2 pid 4242`).
    public var holder: String
    /// When the lease runs out unless renewed.
    public var expires: Date

    public init(uuid: String, holder: String, expires: Date) {
        self.uuid = uuid; self.holder = holder; self.expires = expires
    }

    /// Whether the lease is `holder`'s (`true` after a successful claim).
    public func isHeld(by holder: String) -> Bool { self.holder == holder }
}
