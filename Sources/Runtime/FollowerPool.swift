import ConsoleCore
import Domain
import Synchronization
import XummPlatform

/// One follower task per live payload (`Cmd.follow`): each reports the payload's changes as they
/// arrive, then ends with the payload's final state in the store.
final class FollowerPool: Sendable {
    private let operations: PushService
    private let settings: PayloadStatusStream.Settings
    private let tasks = Mutex<[String: Task<Void, Never>]>([:])

    init(operations: PushService, settings: PayloadStatusStream.Settings) {
        self.operations = operations
        self.settings = settings
    }

    /// Follows `record` unless it is final or already followed.
    func follow(_ record: PayloadRecord, out: MessageSink) {
        guard !record.isFinal else { return }
        let uuid = record.uuid
        let operations = self.operations
        let settings = self.settings
        tasks.withLock { tasks in
            guard tasks[uuid] == nil else { return }
            tasks[uuid] = Task.detached { [weak self] in
                _ = await operations.follow(record, settings: settings) { change in
                    switch change {
                    case .progressed(let record, let receivedAt): out.send(.payloadUpserted(record), eventReceivedAt: receivedAt)
                    case .userRenewed(let user): out.send(.userUpdated(user))
                    }
                }
                self?.ended(uuid)
            }
        }
    }

    private func ended(_ uuid: String) { _ = tasks.withLock { $0.removeValue(forKey: uuid) } }

    var count: Int { tasks.withLock { $0.count } }

    func stopAll() {
        let all = tasks.withLock { t in defer { t = [:] }; return Array(t.values) }
        for t in all { t.cancel() }
    }
}
