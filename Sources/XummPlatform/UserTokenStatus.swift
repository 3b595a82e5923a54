import Foundation

/// One entry of `POST /user-tokens` (and `GET /user-token/{token}`).
/// Accepts both `issued`/`expires` and `token_issued`/`token_expiration` (unix seconds).
public struct UserTokenStatus: Sendable, Equatable, Codable {
    public var userToken: String
    public var active: Bool
    public var issued: Int?
    public var expires: Int?

    enum CodingKeys: String, CodingKey {
        case active, issued, expires
        case userToken = "user_token", tokenIssued = "token_issued", tokenExpiration = "token_expiration"
    }
    public init(userToken: String, active: Bool, issued: Int? = nil, expires: Int? = nil) {
        self.userToken = userToken; self.active = active; self.issued = issued; self.expires = expires
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        userToken = try c.decode(String.self, forKey: .userToken)
        active = try c.decode(FlexibleBool.self, forKey: .active).value
        issued = try c.decodeIfPresent(Int.self, forKey: .issued) ?? c.decodeIfPresent(Int.self, forKey: .tokenIssued)
        expires = try c.decodeIfPresent(Int.self, forKey: .expires) ?? c.decodeIfPresent(Int.self, forKey: .tokenExpiration)
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(userToken, forKey: .userToken); try c.encode(active, forKey: .active)
        try c.encode(issued, forKey: .issued); try c.encode(expires, forKey: .expires)
        // Some SDKs read these names: serve both.
        try c.encode(issued, forKey: .tokenIssued); try c.encode(expires, forKey: .tokenExpiration)
    }
}

/// `{"tokens": [...]}`.
public struct UserTokensResponse: Sendable, Equatable, Codable {
    public var tokens: [UserTokenStatus]
    public init(tokens: [UserTokenStatus]) { self.tokens = tokens }
}

/// Body of `POST /user-tokens`: `{"tokens": [...]}` or (xumm-sdk-py) a bare list.
public struct UserTokensRequest: Sendable, Equatable, Codable {
    public var tokens: [String]
    public init(tokens: [String]) { self.tokens = tokens }
    public init(from decoder: Decoder) throws {
        if let list = try? decoder.singleValueContainer().decode([String].self) { tokens = list; return }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        tokens = try c.decode([JSONValue].self, forKey: .tokens).compactMap(\.stringValue)
    }
}
