import Foundation
import Logging
import PostgresNIO

extension PostgresStore {
    /// Runs `body` on a pooled connection (reads, outside a transaction).
    func read<R: Sendable>(_ body: (PostgresTransaction) async throws -> R) async throws -> R {
        do {
            return try await client.withConnection { connection in
                try await body(PostgresTransaction(connection: connection, logger: self.logger, origin: self.changeOrigin))
            }
        } catch {
            throw PostgresErrorMapper(endpoint: endpoint).map(error)
        }
    }

    /// Runs `body` in one transaction (`BEGIN` … `COMMIT`; `ROLLBACK` when it throws), appending the
    /// changes it noted to the feed just before the commit (see ``appendChanges(_:)``). The error
    /// `body` threw comes out as itself (mapped to a ``StoreError`` when it is postgres-nio's).
    ///
    /// A transaction the server aborted as a deadlock victim or a serialization failure (two
    /// replicas merging the same users) is run again, up to three times in all.
    func transaction<R: Sendable>(_ body: (PostgresTransaction) async throws -> R) async throws -> R {
        var attempt = 1
        while true {
            do {
                return try await read { tx in
                    try await tx.query("BEGIN")
                    do {
                        let result = try await body(tx)
                        try await Self.appendChanges(tx)
                        try await tx.query("COMMIT")
                        return result
                    } catch {
                        _ = try? await tx.query("ROLLBACK")
                        throw Self.isRetryable(error) ? RetryTransaction() : error
                    }
                }
            } catch is RetryTransaction where attempt < 3 {
                attempt += 1
            } catch is RetryTransaction {
                throw StoreError.failed(store: endpoint.address, reason: "the transaction kept conflicting with others (deadlock or serialization failure)")
            }
        }
    }

    /// SQLSTATE 40P01 (deadlock detected) or 40001 (serialization failure).
    static func isRetryable(_ error: any Error) -> Bool {
        guard let p = error as? PSQLError, p.code == .server, let state = p.serverInfo?[.sqlState] else { return false }
        return state == "40P01" || state == "40001"
    }

    /// Runs `body` for each item in one transaction (one commit), each item as if in its own: one
    /// that fails leaves the others written. Fast path without savepoints; when an item fails, that
    /// transaction is rolled back and the batch redone with a savepoint per item (as ``SQLiteStore``).
    /// - Returns: per item, its output or its error. Throws only if the commit itself fails.
    func writeEach<Item: Sendable, Output: Sendable>(
        _ items: [Item], _ body: @escaping @Sendable (PostgresTransaction, Item) async throws -> Output
    ) async throws -> [Result<Output, any Error>] {
        guard !items.isEmpty else { return [] }
        let mapper = PostgresErrorMapper(endpoint: endpoint)
        do {
            return try await transaction { tx in
                var results: [Result<Output, any Error>] = []
                results.reserveCapacity(items.count)
                for item in items {
                    do { results.append(.success(try await body(tx, item))) } catch {
                        let mapped = mapper.map(error)
                        // A dropped connection is the whole commit's failure, not the item's.
                        if let s = mapped as? StoreError, s.isOffline { throw s }
                        throw BatchItemFailed()
                    }
                }
                return results
            }
        } catch is BatchItemFailed {
            return try await transaction { tx in
                var results: [Result<Output, any Error>] = []
                for item in items {
                    let noted = tx.changes.count
                    try await tx.query("SAVEPOINT item")
                    do {
                        let output = try await body(tx, item)
                        try await tx.query("RELEASE SAVEPOINT item")
                        results.append(.success(output))
                    } catch {
                        let mapped = mapper.map(error)
                        if let s = mapped as? StoreError, s.isOffline { throw s }
                        try await tx.query("ROLLBACK TO SAVEPOINT item")
                        tx.changes.removeSubrange(noted...)
                        results.append(.failure(mapped))
                    }
                }
                return results
            }
        }
    }
}

/// An item of a batch failed on the fast path (the transaction was rolled back).
private struct BatchItemFailed: Error {}

/// The server aborted the transaction as a conflict victim: run it again.
private struct RetryTransaction: Error {}
