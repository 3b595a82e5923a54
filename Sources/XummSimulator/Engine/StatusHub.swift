import Foundation
import XummPlatform

/// Fans a payload's status messages out to every socket subscribed to it. Messages published while
/// no socket is open are lost, as on the platform. Synchronous, so messages keep their order.
final class StatusHub: Sendable {
    private let subscribers = Locked<[String: [UUID: AsyncStream<StatusMessage>.Continuation]]>([:])

    /// A stream of the messages published for `uuid` from now on.
    func subscribe(_ uuid: String) -> (id: UUID, stream: AsyncStream<StatusMessage>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream<StatusMessage>.makeStream()
        subscribers.withLock { $0[uuid, default: [:]][id] = continuation }
        return (id, stream)
    }

    func unsubscribe(_ uuid: String, id: UUID) {
        let c = subscribers.withLock { subs -> AsyncStream<StatusMessage>.Continuation? in
            let c = subs[uuid]?.removeValue(forKey: id)
            if subs[uuid]?.isEmpty == true { subs[uuid] = nil }
            return c
        }
        c?.finish()
    }

    /// Whether any socket is subscribed to `uuid`.
    func hasSubscriber(_ uuid: String) -> Bool { subscribers.withLock { !($0[uuid]?.isEmpty ?? true) } }

    /// Waits until a socket subscribes to `uuid` or `limit` passes. Simulated phones react to a push only
    /// after it travelled to them; the operator's client connects at once. Waiting for it (bounded)
    /// keeps the demo and the tests from racing on a busy machine, while a payload nobody watches still
    /// proceeds after `limit`.
    func waitForSubscriber(_ uuid: String, limit: Duration) async {
        let deadline = ContinuousClock.now + limit
        while !hasSubscriber(uuid), ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    func publish(_ uuid: String, _ message: StatusMessage) {
        let targets = subscribers.withLock { Array(($0[uuid] ?? [:]).values) }
        for c in targets { c.yield(message) }
    }

    /// Ends every subscription (server stop).
    func finishAll() {
        let all = subscribers.withLock { subs -> [AsyncStream<StatusMessage>.Continuation] in
            defer { subs = [:] }
            return subs.values.flatMap { Array($0.values) }
        }
        for c in all { c.finish() }
    }
}
