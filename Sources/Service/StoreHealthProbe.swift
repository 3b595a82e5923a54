import Foundation
import Logging
import ServiceLifecycle
import Store
import Synchronization

/// Asks the store a cheap question every ``interval`` and keeps the answer for `/healthz`,
/// `pushdesk_store_up` and the log (a change is logged once, not every probe).
public final class StoreHealthProbe: Service, Sendable {
    private let store: any PushDeskStore
    private let metrics: ServiceMetrics
    private let logger: Logger
    private let interval: Duration
    /// The store as logs name it (`host:port/db` or the file path; never a password).
    private let name: String
    private let state = Mutex<(up: Bool, reason: String?)>((true, nil))

    public init(store: any PushDeskStore, name: String, metrics: ServiceMetrics, logger: Logger, interval: Duration = .seconds(1)) {
        self.store = store; self.name = name; self.metrics = metrics; self.logger = logger; self.interval = interval
    }

    /// Whether the store answered the last probe, and why not.
    public var status: (up: Bool, reason: String?) { state.withLock { $0 } }

    public func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await self.probe()
                try await Task.sleep(for: self.interval)
            }
        }
    }

    /// One probe, given up after 2 s (a dead connection must not stall it).
    func probe() async {
        let store = self.store
        let answer: String? = await withTaskGroup(of: String?.self) { group in
            group.addTask {
                do { _ = try await store.latestChangeNumber(); return nil } catch { return String(describing: error) }
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(2))
                return "the store did not answer within 2 s"
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        let up = answer == nil
        let was = state.withLock { s in defer { s = (up, answer) }; return s.up }
        metrics.store(up: up)
        if was != up {
            if up { logger.notice("store is back", metadata: ["store": "\(name)"]) }
            else { logger.error("store is down: deliveries are answered 503 until it returns", metadata: ["store": "\(name)", "reason": "\(answer ?? "")"]) }
        }
    }
}
