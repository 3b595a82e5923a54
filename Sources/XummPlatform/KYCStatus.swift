import Foundation

/// A user's KYC state as `POST /kyc-status` reports it. The platform answers `NONE` both for a user
/// who never started KYC and for a token it does not know, so `none` means "none, or token not valid".
public enum KYCStatus: Sendable, Equatable, Hashable, Codable {
    case none, inProgress, rejected, successful
    case other(String)

    public init(rawValue: String) {
        switch rawValue {
        case "NONE": self = .none
        case "IN_PROGRESS": self = .inProgress
        case "REJECTED": self = .rejected
        case "SUCCESSFUL": self = .successful
        default: self = .other(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .none: "NONE"
        case .inProgress: "IN_PROGRESS"
        case .rejected: "REJECTED"
        case .successful: "SUCCESSFUL"
        case .other(let s): s
        }
    }

    public init(from decoder: Decoder) throws { self.init(rawValue: try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(rawValue) }
}

/// Answer to `POST /kyc-status {user_token}`.
public struct KYCStatusResponse: Sendable, Equatable, Codable {
    public var kycStatus: KYCStatus
    /// The platform's own wording of each state.
    public var possibleStatuses: [String: String]?

    public init(kycStatus: KYCStatus, possibleStatuses: [String: String]? = nil) {
        self.kycStatus = kycStatus; self.possibleStatuses = possibleStatuses
    }
}

/// Answer to `GET /kyc-status/{account}`: only whether the account's owner passed KYC.
public struct KYCAccountInfo: Sendable, Equatable, Codable {
    public var account: String
    public var kycApproved: Bool

    public init(account: String, kycApproved: Bool) { self.account = account; self.kycApproved = kycApproved }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        account = try c.decode(String.self, forKey: .account)
        kycApproved = try c.decode(FlexibleBool.self, forKey: .kycApproved).value
    }
}
