import Foundation

/// Answer to `GET /account-meta/{account}`: what Xumm knows of an XRPL account's owner.
public struct AccountMeta: Sendable, Equatable, Codable {
    public struct Profile: Sendable, Equatable, Codable {
        public var accountAlias: String?
        public var ownerAlias: String?
        public init(accountAlias: String? = nil, ownerAlias: String? = nil) { self.accountAlias = accountAlias; self.ownerAlias = ownerAlias }
    }

    public var account: String
    public var kycApproved: Bool
    public var xummPro: Bool
    public var blocked: Bool
    public var forceDtag: Bool
    public var avatar: String?
    public var xummProfile: Profile?

    enum CodingKeys: String, CodingKey {
        case account, kycApproved, xummPro, blocked, avatar, xummProfile
        case forceDtag = "force_dtag"
    }

    public init(account: String, kycApproved: Bool = false, xummPro: Bool = false, blocked: Bool = false, forceDtag: Bool = false,
                avatar: String? = nil, xummProfile: Profile? = nil) {
        self.account = account; self.kycApproved = kycApproved; self.xummPro = xummPro; self.blocked = blocked
        self.forceDtag = forceDtag; self.avatar = avatar; self.xummProfile = xummProfile
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        account = try c.decode(String.self, forKey: .account)
        kycApproved = try c.decodeIfPresent(FlexibleBool.self, forKey: .kycApproved)?.value ?? false
        xummPro = try c.decodeIfPresent(FlexibleBool.self, forKey: .xummPro)?.value ?? false
        blocked = try c.decodeIfPresent(FlexibleBool.self, forKey: .blocked)?.value ?? false
        forceDtag = try c.decodeIfPresent(FlexibleBool.self, forKey: .forceDtag)?.value ?? false
        avatar = try c.decodeIfPresent(String.self, forKey: .avatar)
        xummProfile = try? c.decodeIfPresent(Profile.self, forKey: .xummProfile)
    }

    /// The alias an operator would call the account by.
    public var alias: String? { xummProfile?.accountAlias ?? xummProfile?.ownerAlias }
}
