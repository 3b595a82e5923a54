import Foundation
import PostgresNIO

extension PostgresStore: ChangeSignalling {
    /// `LISTEN`s on the change channel on a connection of its own (outside the pool, which it
    /// would otherwise hold a slot of for good) and signals on every notification, once when
    /// listening starts (to catch up what committed before), and after every reconnect (the listen
    /// sequence throws when the connection drops; what was notified meanwhile is read from the
    /// feed). A heartbeat every 5 s signals regardless.
    public func changeSignals() -> AsyncStream<Void> {
        let endpoint = self.endpoint, logger = self.logger
        return AsyncStream { continuation in
            let listener = Task {
                var id = 1_000
                while !Task.isCancelled {
                    do {
                        id += 1
                        let connection = try await PostgresConnection.connect(configuration: try Self.connectionConfiguration(endpoint),
                                                                              id: id, logger: logger)
                        do {
                            try await connection.listen(on: Self.changeChannel) { notifications in
                                continuation.yield()
                                for try await _ in notifications { continuation.yield() }
                            }
                        } catch {
                            try? await connection.close()
                            throw error
                        }
                        try? await connection.close()
                    } catch {
                        logger.debug("change feed listener ended; reconnecting", metadata: ["reason": "\(type(of: error))"])
                    }
                    continuation.yield()
                    try? await Task.sleep(for: .milliseconds(500))
                }
                continuation.finish()
            }
            let heartbeat = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(5))
                    continuation.yield()
                }
            }
            continuation.onTermination = { _ in listener.cancel(); heartbeat.cancel() }
        }
    }
}
