import Domain
import Foundation
import Store
import Synchronization

/// This process's payload leases (see ``PayloadLease``): claimed before a payload is followed,
/// renewed together every ``renewEvery`` in one statement while followed, released when the
/// follow ends or the process stops. A lease that could not be renewed in time and was taken over
/// is reported lost, so two processes never keep following one payload.
public final class PayloadLeaseKeeper: Sendable {
    /// This process as a lease holder: the operator and the process id (`dana@desk2 pid 4242`).
    public let holder: String
    private let store: any PushDeskStore
    private let term: TimeInterval
    private let renewEvery: Duration
    private let clock: @Sendable () -> Date
    private let state = Mutex(Held())

    private struct Held {
        var uuids: [String: @Sendable () -> Void] = [:]
        var renewer: Task<Void, Never>?
    }

    /// - Parameters:
    ///   - term: how long a lease lasts unrenewed (another process may take over after it).
    ///   - renewEvery: how often held leases are renewed; well inside `term`.
    public init(store: any PushDeskStore, operatorName: String, term: TimeInterval = 15, renewEvery: Duration = .seconds(5),
                clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.holder = "\(operatorName) pid \(getpid())"
        self.term = term; self.renewEvery = renewEvery; self.clock = clock
    }

    /// Claims the lease of `uuid`. When this process holds it afterwards, `onLost` runs if a later
    /// renewal finds it taken over.
    /// - Returns: the lease as stored: this holder's, or the other holder's when refused.
    public func claim(_ uuid: String, onLost: @escaping @Sendable () -> Void) async throws -> PayloadLease {
        let now = clock()
        let lease = try await store.claimLease(uuid: uuid, holder: holder, until: now.addingTimeInterval(term), now: now)
        guard lease.isHeld(by: holder) else { return lease }
        state.withLock { s in
            s.uuids[uuid] = onLost
            if s.renewer == nil { s.renewer = Task { [weak self] in await self?.renewLoop() } }
        }
        return lease
    }

    /// Gives the lease of `uuid` up (the follow ended).
    public func release(_ uuid: String) async {
        guard state.withLock({ $0.uuids.removeValue(forKey: uuid) }) != nil else { return }
        try? await store.releaseLeases(uuids: [uuid], holder: holder)
    }

    /// Gives every lease up (the process stops), waiting at most `timeout` for the store: a store
    /// that does not answer only makes others wait out the term.
    public func releaseAll(timeout: Duration = .seconds(2)) async {
        let (uuids, renewer) = state.withLock { s in
            defer { s.uuids = [:]; s.renewer = nil }
            return (Array(s.uuids.keys), s.renewer)
        }
        renewer?.cancel()
        guard !uuids.isEmpty else { return }
        let store = self.store, holder = self.holder
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await store.releaseLeases(uuids: uuids, holder: holder) }
            group.addTask { try? await Task.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
        }
    }

    /// Payloads whose lease this process holds.
    public var heldCount: Int { state.withLock { $0.uuids.count } }

    private func renewLoop() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: renewEvery)
            let uuids = state.withLock { Array($0.uuids.keys) }
            guard !uuids.isEmpty else { continue }
            // A failed renewal is tried again next round; the lease lasts three rounds.
            guard let held = try? await store.renewLeases(uuids: uuids, holder: holder, until: clock().addingTimeInterval(term)) else { continue }
            let lost = state.withLock { s in
                uuids.filter { !held.contains($0) }.compactMap { s.uuids.removeValue(forKey: $0) }
            }
            for onLost in lost { onLost() }
        }
    }
}
