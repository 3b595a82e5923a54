import ConsoleCore
import Domain
import Store
import Synchronization
import XummPlatform

/// One follower task per live payload (`Cmd.follow`): each claims the payload's lease (one
/// follower per payload across every process on the store), reports the payload's changes as they
/// arrive, ends with the payload's final state in the store, and gives the lease back.
public final class FollowerPool: Sendable {
    private let operations: PushService
    private let settings: PayloadStatusStream.Settings
    private let leases: PayloadLeaseKeeper
    private let tasks = Mutex<[String: Task<Void, Never>]>([:])

    public init(operations: PushService, settings: PayloadStatusStream.Settings = .init(), leases: PayloadLeaseKeeper) {
        self.operations = operations
        self.settings = settings
        self.leases = leases
    }

    /// Follows `record` unless it is final, already followed here, or its lease is held elsewhere
    /// (then `.notFollowing` says by whom and until when).
    public func follow(_ record: PayloadRecord, out: MessageSink) {
        guard !record.isFinal else { return }
        let uuid = record.uuid
        let operations = self.operations, settings = self.settings, leases = self.leases
        tasks.withLock { tasks in
            guard tasks[uuid] == nil else { return }
            tasks[uuid] = Task.detached { [weak self] in
                do {
                    let lease = try await leases.claim(uuid) { [weak self] in self?.lost(uuid, out: out) }
                    guard lease.isHeld(by: leases.holder) else {
                        out.send(.notFollowing(uuid: uuid, .heldElsewhere(holder: lease.holder, until: lease.expires)))
                        self?.ended(uuid)
                        return
                    }
                } catch {
                    out.send(.notFollowing(uuid: uuid, .claimFailed(Failure(error))))
                    self?.ended(uuid)
                    return
                }
                // Follow from the stored state: another process may have moved it on, or ended it,
                // since this console's copy was read.
                let start: PayloadRecord
                switch await operations.storedState(of: record) {
                case .final(let stored):
                    out.send(.payloadUpserted(stored))
                    await leases.release(uuid)
                    self?.ended(uuid)
                    return
                case .live(let stored): start = stored
                }
                _ = await operations.follow(start, settings: settings) { change in
                    switch change {
                    case .progressed(let record, let receivedAt): out.send(.payloadUpserted(record), eventReceivedAt: receivedAt)
                    case .userRenewed(let user): out.send(.userUpdated(user))
                    }
                }
                await leases.release(uuid)
                self?.ended(uuid)
            }
        }
    }

    /// Another process took the payload over: stop following it here.
    private func lost(_ uuid: String, out: MessageSink) {
        tasks.withLock { $0.removeValue(forKey: uuid) }?.cancel()
        out.send(.notFollowing(uuid: uuid, .leaseLost))
    }

    private func ended(_ uuid: String) { _ = tasks.withLock { $0.removeValue(forKey: uuid) } }

    /// Payloads followed right now.
    public var count: Int { tasks.withLock { $0.count } }

    /// Whether this process follows the payload now.
    public func isFollowing(_ uuid: String) -> Bool { tasks.withLock { $0[uuid] != nil } }

    /// Stops every follower and gives their leases back, so another process can take the
    /// payloads over at once instead of after the lease term.
    public func stopAll() async {
        let all = tasks.withLock { t in defer { t = [:] }; return Array(t.values) }
        for t in all { t.cancel() }
        await leases.releaseAll()
    }
}
