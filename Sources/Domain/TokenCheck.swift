import Foundation

/// The platform's word on one user token, from a verification (`POST /user-tokens`): whether the
/// token is still active, and the issue and expiry times it states. Authoritative: it overwrites
/// what PushDesk had derived, even backwards.
public struct TokenCheck: Sendable, Equatable {
    /// The token asked about.
    public var userToken: String
    /// `false`: expired or revoked; a push to it will not reach the phone.
    public var active: Bool
    /// When the token was issued, if the platform said.
    public var issued: Date?
    /// When the token expires, if the platform said.
    public var expires: Date?

    public init(userToken: String, active: Bool, issued: Date? = nil, expires: Date? = nil) {
        self.userToken = userToken; self.active = active; self.issued = issued; self.expires = expires
    }
}
