import Foundation

/// What an operator needs to know about a token's reachability.
public enum TokenState: String, Sendable, Codable, CaseIterable {
    /// Live, more than the "expiring soon" window left.
    case active
    /// Live, but expiring within the window (7 days by default).
    case expiring
    /// Past its 30 days (or past the platform's `token_expiration`).
    case expired
    /// The platform said `active: false` at the last verification although time is left.
    case revoked
}

/// The age and remaining life of a user token at a given instant. Pure: the time is passed in.
///
/// A token expires 30 days after the user's last successfully signed payload of this app; the
/// platform's `token_expiration`, when known, is authoritative.
public struct TokenAge: Sendable, Equatable {
    /// Lifetime of a token after each signature.
    public static let lifetime: TimeInterval = 30 * 24 * 3600
    /// Default "expiring soon" window.
    public static let defaultExpiringWindow: TimeInterval = 7 * 24 * 3600

    /// Time since the token was issued (or last signed when the issue time is unknown); `nil` when unknown.
    public let age: TimeInterval?
    /// Time until expiry; negative when expired; `nil` when nothing is known.
    public let timeLeft: TimeInterval?
    /// The expiry instant used.
    public let expiresAt: Date?
    public let state: TokenState

    public init(user: KnownUser, now: Date, expiringWindow: TimeInterval = TokenAge.defaultExpiringWindow) {
        let start = user.tokenIssued ?? user.lastSigned
        age = start.map { now.timeIntervalSince($0) }
        let expiry = TokenAge.expiry(of: user)
        expiresAt = expiry
        timeLeft = expiry.map { $0.timeIntervalSince(now) }
        if let left = timeLeft, left <= 0 {
            state = .expired
        } else if user.verifiedActive == false, !TokenAge.signedAfterVerification(user) {
            state = .revoked
        } else if let left = timeLeft, left < expiringWindow {
            state = .expiring
        } else if timeLeft == nil, user.verifiedActive != true {
            state = .expired
        } else {
            state = .active
        }
    }

    /// The expiry instant: `token_expiration` when the platform gave it, else last signed (or issued) + 30 days.
    /// When both exist the later of the two wins (a newer signature restarts the 30 days).
    public static func expiry(of user: KnownUser) -> Date? {
        let derived = (user.lastSigned ?? user.tokenIssued).map { $0.addingTimeInterval(lifetime) }
        switch (user.tokenExpiration, derived) {
        case let (platform?, derived?):
            // The platform value is authoritative unless we saw a signature after it was stated.
            if let signed = user.lastSigned, signed.addingTimeInterval(lifetime) > platform { return derived }
            return platform
        case let (platform?, nil): return platform
        case let (nil, derived?): return derived
        case (nil, nil): return nil
        }
    }

    /// A signature newer than the last verification supersedes its `active: false` (the user signed
    /// again, so the token is live again).
    static func signedAfterVerification(_ user: KnownUser) -> Bool {
        guard let signed = user.lastSigned, let verified = user.verifiedAt else { return false }
        return signed > verified
    }
}
