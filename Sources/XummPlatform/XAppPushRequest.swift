import Foundation

/// Body of `POST /xapp/push` and `POST /xapp/event`: a notification to one user's phone, without a
/// sign request. `silent` only matters for an event (it lands in the event list without a sound).
public struct XAppPushRequest: Sendable, Equatable, Codable {
    public var userToken: String
    public var subtitle: String?
    public var body: String
    public var data: JSONValue?
    public var silent: Bool?

    enum CodingKeys: String, CodingKey { case subtitle, body, data, silent; case userToken = "user_token" }

    public init(userToken: String, body: String, subtitle: String? = nil, data: JSONValue? = nil, silent: Bool? = nil) {
        self.userToken = userToken; self.body = body; self.subtitle = subtitle; self.data = data; self.silent = silent
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(userToken, forKey: .userToken)
        try c.encode(body, forKey: .body)
        try c.encodeIfPresent(subtitle, forKey: .subtitle)
        try c.encodeIfPresent(data, forKey: .data)
        try c.encodeIfPresent(silent, forKey: .silent)
    }
}
