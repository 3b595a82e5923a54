import Foundation
import GRDB

extension SQLiteStore {
    public func changes(after number: Int64, limit: Int) async throws -> [NumberedChange] {
        try await db.read { db in
            try Row.fetchAll(db, sql: "SELECT number, kind, key, origin FROM changes WHERE number > ? ORDER BY number LIMIT ?", arguments: [number, limit])
                .compactMap { row in StoreChange(kind: row[1], key: row[2]).map { NumberedChange(number: row[0], change: $0, origin: row[3]) } }
        }
    }

    public func latestChangeNumber() async throws -> Int64 {
        try await db.read { db in try Int64.fetchOne(db, sql: "SELECT coalesce(max(number), 0) FROM changes") ?? 0 }
    }

    /// Appends one change to the feed, inside the caller's transaction.
    static func note(_ db: Database, _ change: StoreChange) throws {
        // pushdesk_origin() is this handle's changeOrigin, registered on each of its connections.
        try db.cachedStatement(sql: "INSERT INTO changes (kind, key, at, origin) VALUES (?, ?, ?, pushdesk_origin())")
            .execute(arguments: [change.kind, change.key, Date().timeIntervalSince1970])
    }
}
