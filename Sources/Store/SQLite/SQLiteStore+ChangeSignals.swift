import Foundation
import GRDB

extension SQLiteStore: ChangeSignalling {
    /// Polls `PRAGMA data_version` every ~200 ms on a connection of its own (the value is per
    /// connection: it moves when any other connection, in this process or another, commits), and
    /// signals when it moved; also every 2 s regardless, so a failed read is retried.
    public func changeSignals() -> AsyncStream<Void> {
        let path = self.path
        return AsyncStream { continuation in
            let task = Task {
                var config = Configuration()
                config.readonly = true
                config.label = "pushdesk.store.feed"
                let watcher = try? DatabaseQueue(path: path, configuration: config)
                var seen: Int64?
                var quiet = 0
                continuation.yield()
                while !Task.isCancelled {
                    try? await Task.sleep(for: .milliseconds(200))
                    let version = try? await watcher?.read { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") }
                    quiet += 1
                    if version != seen || quiet >= 10 || watcher == nil {
                        seen = version
                        quiet = 0
                        continuation.yield()
                    }
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
