import Foundation
import GRDB
import Store
import Testing

@Suite("Store file, schema and migrations")
struct StoreSchemaTests {
    @Test func createsFolderAndFileWithMode0600AndWAL() throws {
        let (store, dir) = try makeTempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        let attrs = try FileManager.default.attributesOfItem(atPath: store.path)
        #expect((attrs[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let dirAttrs = try FileManager.default.attributesOfItem(atPath: (store.path as NSString).deletingLastPathComponent)
        #expect((dirAttrs[.posixPermissions] as? NSNumber)?.intValue == 0o700)
        let mode = try DatabaseQueue(path: store.path).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        #expect(try store.appliedMigrations() == ["v1-users-payloads-audit-deliveries", "v2-webhook-delivery-keyed", "v3-push-intent"])
        #expect(store.integrityCheck())
    }

    @Test func reopeningKeepsDataAndDoesNotRemigrate() throws {
        let (store, dir) = try makeTempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        try store.upsertUser(.init(userToken: "tok-1", name: "Alice"))
        let again = try PushDeskStore(path: store.path)
        #expect(try again.user(token: "tok-1")?.name == "Alice")
        #expect(try again.appliedMigrations().count == 3)
    }

    @Test func defaultPathFollowsXDG() {
        #expect(PushDeskStore.defaultPath(environment: ["XDG_DATA_HOME": "/x/data", "HOME": "/home/op"]) == "/x/data/pushdesk/pushdesk.sqlite")
        #expect(PushDeskStore.defaultPath(environment: ["HOME": "/home/op"]) == "/home/op/.local/share/pushdesk/pushdesk.sqlite")
        #expect(PushDeskStore.defaultPath(environment: ["XDG_DATA_HOME": "", "HOME": "/home/op"]) == "/home/op/.local/share/pushdesk/pushdesk.sqlite")
    }

    @Test func unopenablePathIsAnOperatorError() {
        #expect(throws: StoreError.self) { try PushDeskStore(path: "/proc/nope/pushdesk.sqlite") }
    }

    @Test func auditLogRecordsWhoDidWhatWhen() throws {
        let (store, dir) = try makeTempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        try store.audit(action: "users.add", actor: "op", detail: "tok-1 inserted", at: t0)
        try store.audit(action: "users.forget", actor: "op", detail: "tok-1", at: t0.addingTimeInterval(1))
        let log = try store.auditLog()
        #expect(log.map(\.action) == ["users.forget", "users.add"])
        #expect(log.last == AuditEntry(at: t0, actor: "op", action: "users.add", detail: "tok-1 inserted"))
    }
}
