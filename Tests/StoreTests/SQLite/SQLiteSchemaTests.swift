import Foundation
import GRDB
import Store
import Testing

@Suite("SQLite engine: file, schema and migrations")
struct SQLiteSchemaTests {
    static let migrations = ["v1-users-payloads-audit-deliveries", "v2-webhook-delivery-keyed", "v3-push-intent", "v4-change-feed", "v5-audit-payload-user", "v6-change-origin", "v7-payload-lease"]

    @Test func createsFolderAndFileWithMode0600AndWAL() throws {
        let (store, dir) = try makeTempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        let attrs = try FileManager.default.attributesOfItem(atPath: store.path)
        #expect((attrs[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let dirAttrs = try FileManager.default.attributesOfItem(atPath: (store.path as NSString).deletingLastPathComponent)
        #expect((dirAttrs[.posixPermissions] as? NSNumber)?.intValue == 0o700)
        let mode = try DatabaseQueue(path: store.path).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        #expect(try store.appliedMigrations() == Self.migrations)
        #expect(store.integrityCheck())
    }

    @Test func reopeningDoesNotRemigrate() async throws {
        let (store, dir) = try makeTempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        try await store.upsertUser(.init(userToken: "tok-1", name: "Alice"))
        let again = try SQLiteStore(path: store.path)
        #expect(try await again.user(token: "tok-1")?.name == "Alice")
        #expect(try again.appliedMigrations() == Self.migrations)
    }

    @Test func defaultPathFollowsXDG() {
        #expect(SQLiteStore.defaultPath(environment: ["XDG_DATA_HOME": "/x/data", "HOME": "/home/op"]) == "/x/data/pushdesk/pushdesk.sqlite")
        #expect(SQLiteStore.defaultPath(environment: ["HOME": "/home/op"]) == "/home/op/.local/share/pushdesk/pushdesk.sqlite")
        #expect(SQLiteStore.defaultPath(environment: ["XDG_DATA_HOME": "", "HOME": "/home/op"]) == "/home/op/.local/share/pushdesk/pushdesk.sqlite")
    }

    @Test func unopenablePathIsAnOperatorError() {
        #expect(throws: StoreError.self) { try SQLiteStore(path: "/proc/nope/pushdesk.sqlite") }
    }
}
