import Domain
import Foundation

/// An audit entry as `pushdesk audit --json` writes it (every key always present).
public struct ListedAuditEntry: Sendable, Equatable, Codable {
    public var at: String
    public var operatorName: String
    public var action: String
    public var uuid: String?
    /// The user's display name when the store knows the token, else null.
    public var user: String?
    public var userToken: String?
    public var detail: String

    enum CodingKeys: String, CodingKey {
        case at, action, uuid, user, detail
        case operatorName = "operator", userToken = "user_token"
    }

    public init(_ e: AuditEntry, userName: String? = nil) {
        at = PlatformDate.format(e.at); operatorName = e.operatorName; action = e.action; uuid = e.payloadUUID
        user = userName; userToken = e.userToken; detail = e.detail
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(at, forKey: .at); try c.encode(operatorName, forKey: .operatorName); try c.encode(action, forKey: .action)
        try c.encode(uuid, forKey: .uuid); try c.encode(user, forKey: .user); try c.encode(userToken, forKey: .userToken)
        try c.encode(detail, forKey: .detail)
    }
}
