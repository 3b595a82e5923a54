import ConsoleCore
import Domain
import Runtime
import Synchronization

/// Collects what an interpreter reports, so a test can wait for a message and read them all.
final class MessageLog: Sendable {
    private let messages = Mutex<[Msg]>([])

    var sink: MessageSink { MessageSink { [self] msg, _ in messages.withLock { $0.append(msg) } } }

    var all: [Msg] { messages.withLock { $0 } }

    /// Forgets what was reported so far.
    func clear() { messages.withLock { $0.removeAll() } }

    /// Waits (polling, up to `seconds`: a hang guard, not a timing assertion) until `done` holds.
    @discardableResult
    func wait(seconds: Double = 20, until done: ([Msg]) -> Bool) async -> [Msg] {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            let now = all
            if done(now) { return now }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return all
    }
}

extension Msg {
    var created: PayloadRecord? {
        if case .pushCreated(let r, _) = self { return r }
        return nil
    }
    var upserted: PayloadRecord? {
        if case .payloadUpserted(let r) = self { return r }
        return nil
    }
    var bulk: BulkProgress? {
        if case .bulkProgress(let p) = self { return p }
        return nil
    }
}
