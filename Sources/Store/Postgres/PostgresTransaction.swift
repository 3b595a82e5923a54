import Foundation
import Logging
import PostgresNIO

/// One leased connection inside a store call (a transaction, or a read), and the feed changes the
/// transaction appends just before it commits. Used by one task at a time, inside the call only.
final class PostgresTransaction {
    let connection: PostgresConnection
    let logger: Logger
    /// The store handle's ``PushDeskStore/changeOrigin``, written on every change.
    let origin: String
    /// Changes to append to the feed at commit, in order.
    var changes: [StoreChange] = []

    init(connection: PostgresConnection, logger: Logger, origin: String) {
        self.connection = connection; self.logger = logger; self.origin = origin
    }

    /// Runs one parameterised statement.
    @discardableResult
    func query(_ query: PostgresQuery) async throws -> PostgresRowSequence {
        try await connection.query(query, logger: logger)
    }

    /// Notes a change for the feed (appended with this transaction's commit).
    func note(_ change: StoreChange) { changes.append(change) }
}
