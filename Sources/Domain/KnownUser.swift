import Foundation

/// Where PushDesk learned about a user token.
public enum UserSource: String, Sendable, Codable, CaseIterable {
    case webhook, payload, `import`, manual
}

/// A wallet user the operator can push to: one per `user_token`.
public struct KnownUser: Sendable, Equatable, Codable, Hashable {
    /// The Xumm user token (a UUID string). The identity of the user in PushDesk.
    public var userToken: String
    /// Display name chosen by the operator (or the simulator cast).
    public var name: String?
    /// Signing XRPL classic account, when known.
    public var account: String?
    /// When the platform issued the token (unix time from `token_issued`).
    public var tokenIssued: Date?
    /// Authoritative expiry from the platform (`token_expiration`), when it gave one.
    public var tokenExpiration: Date?
    /// When the user last signed a payload of this app (restarts the 30 days).
    public var lastSigned: Date?
    /// First source that introduced the token.
    public var source: UserSource
    /// Result of the last `POST /user-tokens` verification (`nil` = never verified).
    public var verifiedActive: Bool?
    /// When that verification happened.
    public var verifiedAt: Date?
    /// Number of payloads pushed to this user from PushDesk.
    public var pushCount: Int

    public init(userToken: String, name: String? = nil, account: String? = nil, tokenIssued: Date? = nil,
                tokenExpiration: Date? = nil, lastSigned: Date? = nil, source: UserSource = .manual,
                verifiedActive: Bool? = nil, verifiedAt: Date? = nil, pushCount: Int = 0) {
        self.userToken = userToken
        self.name = name
        self.account = account
        self.tokenIssued = tokenIssued
        self.tokenExpiration = tokenExpiration
        self.lastSigned = lastSigned
        self.source = source
        self.verifiedActive = verifiedActive
        self.verifiedAt = verifiedAt
        self.pushCount = pushCount
    }

    /// The name an operator sees: the display name, else the shortened account, else the shortened token.
    public var displayName: String {
        if let name, !name.isEmpty { return name }
        if let account { return Shorten.middle(account, keep: 6) }
        return Shorten.middle(userToken, keep: 4)
    }
}
