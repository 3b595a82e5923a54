import Foundation
import XummPlatform

/// One wallet user of the simulated application.
public struct SimulatedUser: Sendable, Equatable {
    /// How long a user token lives after the user's last successful sign.
    public static let tokenLifetime: TimeInterval = 30 * 24 * 3600

    public var name: String
    /// XRPL classic address (base58check, `r...`).
    public var account: String
    /// The user token of this app, if one was ever issued.
    public var userToken: String?
    public var tokenIssued: Date?
    /// Last successfully signed payload of this app (restarts the token's 30 days).
    public var lastSigned: Date?
    /// The user revoked the app's access in their wallet.
    public var revoked: Bool
    public var behaviour: UserBehaviour
    public var afterSeconds: Double
    /// The demo story line for this user.
    public var note: String?
    /// The user's KYC state (`POST /kyc-status`, `account-meta`).
    public var kyc: KYCStatus
    /// Has a Xumm Pro subscription (`account-meta`).
    public var xummPro: Bool

    public init(name: String, account: String, userToken: String?, tokenIssued: Date?, lastSigned: Date?, revoked: Bool = false,
                behaviour: UserBehaviour, afterSeconds: Double, note: String? = nil, kyc: KYCStatus = .none, xummPro: Bool = false) {
        self.name = name; self.account = account; self.userToken = userToken; self.tokenIssued = tokenIssued
        self.lastSigned = lastSigned; self.revoked = revoked; self.behaviour = behaviour; self.afterSeconds = afterSeconds; self.note = note
        self.kyc = kyc; self.xummPro = xummPro
    }

    /// When the token stops being pushable.
    public var tokenExpiration: Date? {
        guard userToken != nil else { return nil }
        return (lastSigned ?? tokenIssued).map { $0.addingTimeInterval(Self.tokenLifetime) }
    }

    /// True when a push with this user's token would reach the phone.
    public func tokenActive(at now: Date) -> Bool {
        guard userToken != nil, !revoked, let expiry = tokenExpiration else { return false }
        return expiry > now
    }
}
