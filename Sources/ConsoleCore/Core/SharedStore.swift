import Domain
import Foundation

/// What the console knows of its store as a place shared with other processes (other consoles,
/// `pushdesk serve`): whether it answers, and which live payloads another process follows.
public struct SharedStore: Sendable, Equatable {
    /// How long a payload lease lasts unrenewed: a payload another process created is left to it
    /// this long after creation, and a lease seen held is tried again when it runs out.
    public static let leaseTerm: TimeInterval = 15

    /// Why the store stopped answering; nil while it answers.
    public var offline: Failure?
    /// Since when it has not answered.
    public var offlineSince: Date?
    /// Live payloads this console does not follow, by uuid: who does (when known) and when to try
    /// to take the payload over.
    public var followedElsewhere: [String: FollowedElsewhere] = [:]

    public init() {}

    /// Whether the store answers.
    public var isOnline: Bool { offline == nil }
}

/// A live payload another process follows (or nobody yet, when just created elsewhere).
public struct FollowedElsewhere: Sendable, Equatable {
    /// The lease holder (`dana@desk2 pid 4242`), or the operator who pushed it when no lease was seen.
    public var holder: String?
    /// When this console tries to follow it itself (the lease has run out by then unless renewed).
    public var retryAt: Date
    public init(holder: String?, retryAt: Date) { self.holder = holder; self.retryAt = retryAt }
}

/// What other processes changed in the shared store, as stored now (`Msg.storeChanged`).
public struct StoreUpdate: Sendable, Equatable {
    public var payloads: [PayloadRecord]
    public var users: [KnownUser]
    /// Tokens of users another process forgot.
    public var forgottenUsers: [String]
    public init(payloads: [PayloadRecord] = [], users: [KnownUser] = [], forgottenUsers: [String] = []) {
        self.payloads = payloads; self.users = users; self.forgottenUsers = forgottenUsers
    }
}

/// Why a payload the console asked to follow (`Cmd.follow`) is not followed by it.
public enum NotFollowingReason: Sendable, Equatable {
    /// Another process holds the payload's lease until `until`.
    case heldElsewhere(holder: String, until: Date)
    /// The lease could not be claimed: the store did not answer.
    case claimFailed(Failure)
    /// This console held the lease but lost it (it could not renew it in time and another process
    /// took the payload over).
    case leaseLost
}
