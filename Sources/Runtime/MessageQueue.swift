import Synchronization

/// The console driver's incoming messages, in the order they were sent from any thread.
///
/// The driver used to read them from an `AsyncStream`. Under load that added tens of milliseconds
/// per status event: the stream resumes its waiting reader through the shared cooperative pool,
/// which during a bulk push is queued deep with status-stream and HTTP work, before the reader hops
/// to the driver's own thread. Here a sender appends under a lock and, when the driver is idle,
/// starts one drain task that prefers the driver's thread (``ConsoleThreadExecutor``), so the pool
/// is never on the path.
final class MessageQueue<Element: Sendable>: Sendable {
    private struct Contents {
        var items: [Element] = []
        /// A drain has been started and has not yet found the queue empty.
        var draining = false
        /// Drains start only once the driver is running; before that, messages wait.
        var open = false
        var closed = false
    }

    private let contents = Mutex(Contents())

    /// Appends `item`. Returns true when the caller must start a drain (the driver was idle).
    func append(_ item: Element) -> Bool {
        contents.withLock { c in
            guard !c.closed else { return false }
            c.items.append(item)
            guard c.open, !c.draining else { return false }
            c.draining = true
            return true
        }
    }

    /// Lets drains start; the caller drains what waited so far.
    func open() {
        contents.withLock { c in
            c.open = true
            c.draining = true
        }
    }

    /// Everything queued, oldest first; nil when empty, which also marks the driver idle again.
    func takeAll() -> [Element]? {
        contents.withLock { c in
            if c.items.isEmpty {
                c.draining = false
                return nil
            }
            defer { c.items.removeAll(keepingCapacity: true) }
            return c.items
        }
    }

    /// Drops what is queued and refuses what comes later (the console has quit).
    func close() {
        contents.withLock { c in
            c.closed = true
            c.items = []
        }
    }
}
