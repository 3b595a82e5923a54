import GRDB

extension SQLiteStore {
    /// Runs `body` for each item in one transaction (one commit). Each item behaves as if run in its
    /// own savepoint, so one failing item does not undo the others; the commit covers all that
    /// succeeded.
    ///
    /// Fast path: the whole batch without savepoints. Only if an item fails is that transaction
    /// rolled back and the batch redone with one savepoint per item, which gives the same per-item
    /// results.
    /// - Returns: per item, its output or its error. Throws only if the commit itself fails.
    func writeEach<Item: Sendable, Output: Sendable>(
        _ items: [Item], _ body: @escaping @Sendable (Database, Item) throws -> Output
    ) async throws -> [Result<Output, any Error>] {
        do {
            return try await db.write { db in
                var results: [Result<Output, any Error>] = []
                results.reserveCapacity(items.count)
                for item in items {
                    do { results.append(.success(try body(db, item))) } catch { throw ItemFailed() }
                }
                return results
            }
        } catch is ItemFailed {
            return try await db.write { db in
                items.map { item in
                    Result {
                        var output: Output?
                        try db.inSavepoint {
                            output = try body(db, item)
                            return .commit
                        }
                        return output!
                    }
                }
            }
        }
    }
}

/// An item of a batch failed on the fast path (the transaction was rolled back).
private struct ItemFailed: Error {}
