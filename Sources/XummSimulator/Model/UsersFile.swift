import Foundation
import XummPlatform

/// The users file (the shipped one is `assets/demo/users.json`, built in as ``ShippedDemoCast``).
/// Times are relative to the moment it is loaded, so the story holds on any date:
/// `token_issued_days_ago`, `last_signed_days_ago` (fractions allowed).
public struct UsersFile: Sendable, Codable {
    public struct Entry: Sendable, Codable {
        public var name: String
        public var account: String
        public var userToken: String?
        public var tokenIssuedDaysAgo: Double?
        public var lastSignedDaysAgo: Double?
        public var revoked: Bool?
        public var behaviour: UserBehaviour
        public var afterSeconds: Double?
        public var note: String?
        /// `NONE` (default), `IN_PROGRESS`, `REJECTED` or `SUCCESSFUL`.
        public var kyc: String?
        /// Has Xumm Pro.
        public var pro: Bool?

        enum CodingKeys: String, CodingKey {
            case name, account, revoked, behaviour, note, kyc, pro
            case userToken = "user_token", tokenIssuedDaysAgo = "token_issued_days_ago"
            case lastSignedDaysAgo = "last_signed_days_ago", afterSeconds = "after_seconds"
        }
    }

    public var application: String?
    public var users: [Entry]

    /// Reads and resolves a users file against `now`.
    public static func load(_ url: URL, now: Date = Date()) throws -> (application: String?, users: [SimulatedUser]) {
        try decode(Data(contentsOf: url), now: now)
    }

    /// The demo cast built into the binary (``ShippedDemoCast``, generated from `assets/demo/users.json`).
    public static func shipped(now: Date = Date()) throws -> (application: String?, users: [SimulatedUser]) {
        try decode(Data(ShippedDemoCast.usersJSON.utf8), now: now)
    }

    /// Decodes a users file's bytes and resolves them against `now`.
    public static func decode(_ data: Data, now: Date = Date()) throws -> (application: String?, users: [SimulatedUser]) {
        let file = try JSONDecoder().decode(UsersFile.self, from: data)
        return (file.application, file.users.map { $0.resolve(now: now) })
    }
}

extension UsersFile.Entry {
    func resolve(now: Date) -> SimulatedUser {
        let day: TimeInterval = 24 * 3600
        let issued = tokenIssuedDaysAgo.map { now.addingTimeInterval(-$0 * day) }
        let signed = lastSignedDaysAgo.map { now.addingTimeInterval(-$0 * day) }
        return SimulatedUser(name: name, account: account, userToken: userToken, tokenIssued: issued ?? signed, lastSigned: signed ?? issued,
                             revoked: revoked ?? false, behaviour: behaviour, afterSeconds: afterSeconds ?? 3, note: note,
                             kyc: kyc.map(KYCStatus.init(rawValue:)) ?? .none, xummPro: pro ?? false)
    }
}
