import Domain
import Foundation

/// A user as `pushdesk users list --json` and `users export` write it (and `users import` reads it).
/// Dates are ISO 8601 UTC strings; `state` and `time_left_seconds` are computed at export time.
public struct ExportedUser: Sendable, Equatable, Codable {
    public var userToken: String
    public var account: String?
    public var name: String?
    public var tokenIssued: String?
    public var tokenExpiration: String?
    public var lastSigned: String?
    public var expiresAt: String?
    public var timeLeftSeconds: Int?
    public var state: String
    public var source: String
    public var verifiedActive: Bool?
    public var verifiedAt: String?
    public var pushCount: Int

    enum CodingKeys: String, CodingKey {
        case account, name, state, source
        case userToken = "user_token", tokenIssued = "token_issued", tokenExpiration = "token_expiration"
        case lastSigned = "last_signed", expiresAt = "expires_at", timeLeftSeconds = "time_left_seconds"
        case verifiedActive = "verified_active", verifiedAt = "verified_at", pushCount = "push_count"
    }

    public init(_ u: KnownUser, now: Date, expiringWindow: TimeInterval = TokenAge.defaultExpiringWindow) {
        let age = TokenAge(user: u, now: now, expiringWindow: expiringWindow)
        userToken = u.userToken; account = u.account; name = u.name
        tokenIssued = u.tokenIssued.map(PlatformDate.format); tokenExpiration = u.tokenExpiration.map(PlatformDate.format)
        lastSigned = u.lastSigned.map(PlatformDate.format); expiresAt = age.expiresAt.map(PlatformDate.format)
        timeLeftSeconds = age.timeLeft.map { Int($0.rounded(.down)) }
        state = age.state.rawValue; source = u.source.rawValue
        verifiedActive = u.verifiedActive; verifiedAt = u.verifiedAt.map(PlatformDate.format); pushCount = u.pushCount
    }

    public func encode(to encoder: Encoder) throws {
        // Every key is always present (null when unknown), so consumers can rely on the shape.
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(userToken, forKey: .userToken); try c.encode(account, forKey: .account); try c.encode(name, forKey: .name)
        try c.encode(tokenIssued, forKey: .tokenIssued); try c.encode(tokenExpiration, forKey: .tokenExpiration)
        try c.encode(lastSigned, forKey: .lastSigned); try c.encode(expiresAt, forKey: .expiresAt)
        try c.encode(timeLeftSeconds, forKey: .timeLeftSeconds); try c.encode(state, forKey: .state)
        try c.encode(source, forKey: .source); try c.encode(verifiedActive, forKey: .verifiedActive)
        try c.encode(verifiedAt, forKey: .verifiedAt); try c.encode(pushCount, forKey: .pushCount)
    }

    /// Pretty, key-sorted JSON array of users.
    public static func json(_ users: [KnownUser], now: Date, expiringWindow: TimeInterval = TokenAge.defaultExpiringWindow) throws -> Data {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try enc.encode(users.map { ExportedUser($0, now: now, expiringWindow: expiringWindow) })
    }
}
