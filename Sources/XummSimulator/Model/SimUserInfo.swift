import Foundation

/// One user as listed by `GET /_sim/users`.
public struct SimUserInfo: Sendable, Codable, Equatable {
    public var name: String
    public var userToken: String?
    public var account: String
    public var behaviour: UserBehaviour
    public var afterSeconds: Double
    /// The behaviour in words ("signs after 3 s").
    public var behaviourText: String
    /// Whether a push with this token would reach the phone now.
    public var active: Bool
    public var revoked: Bool
    /// Unix seconds.
    public var tokenIssued: Int?
    public var tokenExpiration: Int?
    public var lastSigned: Int?
    public var note: String?
    public var kyc: String
    public var pro: Bool

    enum CodingKeys: String, CodingKey {
        case name, account, behaviour, active, revoked, note, kyc, pro
        case userToken = "user_token", afterSeconds = "after_seconds", behaviourText = "behaviour_text"
        case tokenIssued = "token_issued", tokenExpiration = "token_expiration", lastSigned = "last_signed"
    }

    public init(_ u: SimulatedUser, now: Date = Date()) {
        name = u.name; userToken = u.userToken; account = u.account; behaviour = u.behaviour; afterSeconds = u.afterSeconds
        behaviourText = u.behaviour.describe(afterSeconds: u.afterSeconds); active = u.tokenActive(at: now); revoked = u.revoked
        tokenIssued = u.tokenIssued.map { Int($0.timeIntervalSince1970) }
        tokenExpiration = u.tokenExpiration.map { Int($0.timeIntervalSince1970) }
        lastSigned = u.lastSigned.map { Int($0.timeIntervalSince1970) }
        note = u.note
        kyc = u.kyc.rawValue; pro = u.xummPro
    }
}
