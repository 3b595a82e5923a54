import ConsoleCore
import Domain
import Foundation
import Store
import XRPLTx
import XummPlatform

/// Everything the Runtime works with, as one value the wiring (`pushdesk`) builds: the platform,
/// the store, who the operator is, and the few local parts around them.
public struct Services: Sendable {
    /// The Xumm platform (xumm.app, the embedded simulator, or a test double).
    public var platform: any XummAPI
    public let store: any PushDeskStore
    /// Recorded in the audit log as the actor.
    public var operatorName: String
    /// Paces payload creation under the platform's rate limit.
    public var pacer: CreatePacer
    /// The template library.
    public var templates: @Sendable () throws -> [TxTemplate]
    /// The webhook inbox this process serves, if any.
    public var inbox: InboxStatus?
    /// Events that happen outside any command (API calls, webhook deliveries) reach the console here.
    public var events: MessageRelay
    /// How status streams keep alive and reconnect.
    public var followSettings: PayloadStatusStream.Settings
    /// The background token sweep's pause between its calls.
    public var tokenSweepPause: Duration = .seconds(2)
    /// Shared by every follower, so their writes commit together.
    public let progress: GroupCommitter<ProgressWrite, KnownUser?>
    /// This process's payload leases (one follower per payload across every process on the store).
    public var leases: PayloadLeaseKeeper

    public init(platform: any XummAPI, store: any PushDeskStore, operatorName: String = PushService.currentOSUser(),
                pacer: CreatePacer = CreatePacer(), templates: @escaping @Sendable () throws -> [TxTemplate] = { try TemplateLibrary.library() },
                inbox: InboxStatus? = nil, events: MessageRelay = MessageRelay(),
                followSettings: PayloadStatusStream.Settings = .init()) {
        self.platform = platform; self.store = store; self.operatorName = operatorName; self.pacer = pacer
        self.templates = templates; self.inbox = inbox; self.events = events; self.followSettings = followSettings
        self.progress = PushService.progressCommitter(store)
        self.leases = PayloadLeaseKeeper(store: store, operatorName: operatorName)
    }

    /// Create, follow, cancel and verify on this platform and store.
    public var operations: PushService { PushService(client: platform, store: store, operatorName: operatorName, progress: progress) }
}

/// The webhook inbox as the console's header shows it.
public struct InboxStatus: Sendable {
    /// `host:port` it listens on.
    public var address: String
    /// Deliveries recorded since it started.
    public var deliveries: @Sendable () -> Int
    public init(address: String, deliveries: @escaping @Sendable () -> Int) { self.address = address; self.deliveries = deliveries }
}
