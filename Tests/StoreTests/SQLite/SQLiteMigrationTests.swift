import Foundation
import GRDB
@testable import Store
import Testing

@Suite("SQLite engine: migrations from older files")
struct SQLiteMigrationTests {
    /// A store written by the first schema (deliveries in a rowid table with a payload index) opens
    /// under the current one with every delivery kept, and retries of them are still recognised.
    @Test func v1DeliveriesSurviveTheKeyedTableMigration() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pushdesk-migrate-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("old.sqlite").path
        let old = try DatabaseQueue(path: path)
        try SQLiteMigrations.migrator.migrate(old, upTo: "v1-users-payloads-audit-deliveries")
        try await old.write { db in
            for i in 0..<3 {
                try db.execute(sql: "INSERT INTO webhook_delivery VALUES (?, ?, ?, ?, ?)",
                               arguments: ["payload-\(i)", "PAYLOAD-\(i)", 1_700_000_000 + Double(i), i % 2, i == 1 ? nil : "tok-\(i)"])
            }
        }
        try old.close()

        let store = try SQLiteStore(path: path)
        #expect(try store.appliedMigrations() == ["v1-users-payloads-audit-deliveries", "v2-webhook-delivery-keyed", "v3-push-intent", "v4-change-feed", "v5-audit-payload-user", "v6-change-origin", "v7-payload-lease"])
        #expect(try await store.deliveryCount() == 3)
        #expect(try await store.hasDelivery(key: "payload-1"))
        // A retry of a delivery recorded before the migration is a duplicate; a new one is recorded.
        #expect(try await store.recordDelivery(delivery(payload: "PAYLOAD-2")) == false)
        #expect(try await store.recordDelivery(delivery(payload: "PAYLOAD-3")) == true)
        #expect(try await store.deliveryCount() == 4)
        let (sql, indexes) = try await DatabaseQueue(path: path).read { db in
            (try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'webhook_delivery'") ?? "",
             try String.fetchAll(db, sql: "SELECT name FROM pragma_index_list('webhook_delivery')"))
        }
        #expect(sql.contains("WITHOUT ROWID"))
        #expect(!indexes.contains("webhook_delivery_payload"))
        #expect(store.integrityCheck())
    }
}
