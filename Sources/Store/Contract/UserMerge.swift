import Domain
import Foundation

/// The merge rule for a user arriving again (from any source): one user per token; fields are only
/// ever filled in or moved forward, never erased or duplicated.
///
/// - `name`, `account`: a non-empty incoming value replaces the stored one; `nil`/empty keeps it.
/// - `tokenIssued`, `tokenExpiration`, `lastSigned`: the later instant wins (a stale import or a
///   late retry never moves a token backwards). Verification, which is authoritative, bypasses this.
/// - `source`: the first source is kept.
/// - `verifiedActive`/`verifiedAt`: the newer verification wins.
/// - `pushCount`: the larger count wins.
public enum UserMerge {
    public static func merge(existing: KnownUser, incoming: KnownUser) -> KnownUser {
        var out = existing
        if let name = incoming.name, !name.isEmpty { out.name = name }
        if let account = incoming.account, !account.isEmpty { out.account = account }
        out.tokenIssued = later(existing.tokenIssued, incoming.tokenIssued)
        out.tokenExpiration = later(existing.tokenExpiration, incoming.tokenExpiration)
        out.lastSigned = later(existing.lastSigned, incoming.lastSigned)
        if let at = incoming.verifiedAt, existing.verifiedAt.map({ at >= $0 }) ?? true {
            out.verifiedAt = at
            out.verifiedActive = incoming.verifiedActive
        }
        out.pushCount = max(existing.pushCount, incoming.pushCount)
        return out
    }

    static func later(_ a: Date?, _ b: Date?) -> Date? {
        switch (a, b) {
        case let (a?, b?): return max(a, b)
        default: return a ?? b
        }
    }
}
