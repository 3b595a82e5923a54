import Domain
import Foundation

/// A payload as `pushdesk payloads list --json` writes it. Every key is always present (null when
/// unknown); `created_at` is ISO 8601 UTC; `state` is the Payloads pane's badge.
public struct ListedPayload: Sendable, Equatable, Codable {
    public var uuid: String
    /// The user's display name when the store knows one, else the name the push recorded.
    public var user: String?
    public var userToken: String?
    public var txType: String
    public var state: String
    public var outcome: String?
    public var txid: String?
    public var operatorName: String?
    public var createdAt: String
    public var identifier: String?

    enum CodingKeys: String, CodingKey {
        case uuid, user, state, outcome, txid, identifier
        case userToken = "user_token", txType = "tx_type", operatorName = "operator", createdAt = "created_at"
    }

    public init(_ p: PayloadRecord, userName: String? = nil) {
        uuid = p.uuid; user = userName ?? p.userName; userToken = p.userToken; txType = p.transactionType
        state = p.stateLabel; outcome = p.result?.outcome.rawValue; txid = p.result?.txid; operatorName = p.operatorName
        createdAt = PlatformDate.format(p.created); identifier = p.identifier
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(uuid, forKey: .uuid); try c.encode(user, forKey: .user); try c.encode(userToken, forKey: .userToken)
        try c.encode(txType, forKey: .txType); try c.encode(state, forKey: .state); try c.encode(outcome, forKey: .outcome)
        try c.encode(txid, forKey: .txid); try c.encode(operatorName, forKey: .operatorName)
        try c.encode(createdAt, forKey: .createdAt); try c.encode(identifier, forKey: .identifier)
    }
}
