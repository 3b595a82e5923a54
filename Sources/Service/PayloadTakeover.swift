import ConsoleCore
import Domain
import Foundation
import Logging
import Runtime
import ServiceLifecycle
import Store
import Synchronization

/// Follows every live payload nobody follows (a console that quit, a headless `push` without
/// `--wait`, a crashed replica): every ``scanEvery`` it asks the store for them and follows each
/// under its lease (see ``FollowerPool``), to its final state. On shutdown it gives its leases back,
/// so another replica takes over at once.
public final class PayloadTakeover: Service, Sendable {
    private let store: any PushDeskStore
    private let followers: FollowerPool
    private let metrics: ServiceMetrics
    private let logger: Logger
    private let scanEvery: Duration
    /// Payloads this replica started following and has not yet seen final.
    private let following = Mutex<Set<String>>([])

    public init(store: any PushDeskStore, followers: FollowerPool, metrics: ServiceMetrics, logger: Logger, scanEvery: Duration = .seconds(2)) {
        self.store = store; self.followers = followers; self.metrics = metrics; self.logger = logger; self.scanEvery = scanEvery
    }

    public func run() async throws {
        let sink = MessageSink { [self] msg, _ in observe(msg) }
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await self.scan(sink)
                try await Task.sleep(for: self.scanEvery)
            }
        }
        let held = followers.count
        await followers.stopAll()
        logger.notice("follower stopped; leases given back", metadata: ["payloads": "\(held)"])
    }

    /// One pass: follow what nobody follows (a claim another replica wins is skipped).
    func scan(_ sink: MessageSink) async {
        do {
            let orphans = try await store.unfollowedPayloads(now: Date(), limit: 500)
            for p in orphans where !followers.isFollowing(p.uuid) {
                if following.withLock({ $0.insert(p.uuid).inserted }) {
                    logger.info("taking a payload over", metadata: ["payload": "\(p.uuid)", "pushed_by": "\(p.operatorName ?? "-")"])
                }
                followers.follow(p, out: sink)
            }
        } catch {
            logger.warning("cannot look for unfollowed payloads", metadata: ["reason": "\(error)"])
        }
        metrics.livePayloads(followers.count)
    }

    private func observe(_ msg: Msg) {
        switch msg {
        case .payloadUpserted(let record) where record.isFinal:
            guard following.withLock({ $0.remove(record.uuid) }) != nil, let outcome = record.result?.outcome else { return }
            metrics.payloadFinal(outcome: outcome.rawValue)
            logger.info("payload final", metadata: ["payload": "\(record.uuid)", "outcome": "\(outcome.rawValue)"])
        case .notFollowing(let uuid, let reason):
            following.withLock { _ = $0.remove(uuid) }
            if case .leaseLost = reason { logger.warning("lease lost: another replica took the payload over", metadata: ["payload": "\(uuid)"]) }
        default:
            break
        }
    }
}
