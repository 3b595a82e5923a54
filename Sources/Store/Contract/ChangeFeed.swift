import Foundation

/// A store that can say "the feed may have moved" sooner than a plain poll: PostgreSQL through
/// `LISTEN`, SQLite through `PRAGMA data_version`. A signal is only a hint to read the feed; the
/// feed itself (``PushDeskStore/changes(after:limit:)``) is the truth, so a lost signal costs a
/// delay, never a change.
public protocol ChangeSignalling: Sendable {
    /// Signals once at once, then whenever the feed may have moved (and now and then regardless,
    /// and after every reconnect). Ends when the consumer stops iterating.
    func changeSignals() -> AsyncStream<Void>
}

/// Follows a store's change feed from a number on: an `AsyncSequence` of batches of changes, each
/// batch numbered above the last one, none missed. After a dropped connection or a failed read
/// it reads again from the last number it delivered. It ends only when the consumer stops.
///
/// ```swift
/// for await batch in store.changeFeed(after: try await store.latestChangeNumber()) { … }
/// ```
public struct ChangeFeed: AsyncSequence, Sendable {
    public typealias Element = [NumberedChange]

    let store: any PushDeskStore
    let signals: @Sendable () -> AsyncStream<Void>
    /// Changes numbered above this are delivered.
    public let start: Int64
    /// At most this many changes per batch.
    public let batchLimit: Int
    /// Told after every read of the feed: nil when it answered, else why not (the store is down).
    let health: @Sendable ((any Error)?) -> Void

    public init(store: any PushDeskStore, after start: Int64, batchLimit: Int = 500,
                signals: @escaping @Sendable () -> AsyncStream<Void>, health: @escaping @Sendable ((any Error)?) -> Void = { _ in }) {
        self.store = store; self.start = start; self.batchLimit = batchLimit; self.signals = signals; self.health = health
    }

    public func makeAsyncIterator() -> AsyncStream<[NumberedChange]>.Iterator {
        stream().makeAsyncIterator()
    }

    /// The batches as a stream (reading starts now).
    public func stream() -> AsyncStream<[NumberedChange]> {
        let (stream, continuation) = AsyncStream<[NumberedChange]>.makeStream(bufferingPolicy: .unbounded)
        let store = self.store, signals = self.signals, limit = batchLimit, start = self.start, health = self.health
        let task = Task {
            var last = start
            for await _ in signals() {
                // Read until caught up; on an error wait for the next signal (a reconnect or a heartbeat).
                while !Task.isCancelled {
                    let batch: [NumberedChange]
                    do {
                        batch = try await Self.read(store, after: last, limit: limit)
                        health(nil)
                    } catch {
                        if !Task.isCancelled { health(error) }
                        break
                    }
                    guard let newest = batch.last else { break }
                    last = newest.number
                    continuation.yield(batch)
                    if batch.count < limit { break }
                }
                if Task.isCancelled { break }
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    /// How long one read of the feed may take before it is given up (and retried on the next
    /// signal): a read stuck behind a dead connection must not stop the feed.
    static let readTimeout: Duration = .seconds(5)

    /// One read of the feed, cancelled after ``readTimeout``.
    static func read(_ store: any PushDeskStore, after number: Int64, limit: Int) async throws -> [NumberedChange] {
        try await withThrowingTaskGroup(of: [NumberedChange]?.self) { group in
            group.addTask { try await store.changes(after: number, limit: limit) }
            group.addTask {
                try await Task.sleep(for: readTimeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let changes = first else { throw FeedReadTimedOut() }
            return changes
        }
    }

    /// Signals at once, then every `interval` (for a store without a faster signal).
    public static func polling(every interval: Duration) -> @Sendable () -> AsyncStream<Void> {
        {
            AsyncStream { continuation in
                let task = Task {
                    while !Task.isCancelled {
                        continuation.yield()
                        try? await Task.sleep(for: interval)
                    }
                    continuation.finish()
                }
                continuation.onTermination = { _ in task.cancel() }
            }
        }
    }
}

extension PushDeskStore {
    /// The change feed from `number` on (see ``ChangeFeed``), woken by the engine's own signal
    /// (``ChangeSignalling``) where it has one, else polled every 200 ms.
    public func changeFeed(after number: Int64, batchLimit: Int = 500,
                           health: @escaping @Sendable ((any Error)?) -> Void = { _ in }) -> ChangeFeed {
        let signals: @Sendable () -> AsyncStream<Void>
        if let signalling = self as? any ChangeSignalling {
            signals = { signalling.changeSignals() }
        } else {
            signals = ChangeFeed.polling(every: .milliseconds(200))
        }
        return ChangeFeed(store: self, after: number, batchLimit: batchLimit, signals: signals, health: health)
    }
}

/// A read of the change feed that got no answer within ``ChangeFeed/readTimeout``.
struct FeedReadTimedOut: Error, CustomStringConvertible {
    var description: String { "the store did not answer a read of its change feed within 5 s" }
}
