import Foundation
import GRDB
@testable import Store
import Testing

/// `SQLiteStore.inspect(path:)`, what `pushdesk doctor` reads: it tells a current store from an
/// older or newer one and from things that are not stores, and changes none of them.
@Suite("SQLite engine: read-only inspection")
struct SQLiteInspectionTests {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pushdesk-inspect-\(UUID().uuidString)")

    init() throws { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    @Test func aStoreJustOpenedIsCurrent() throws {
        let p = path("current.sqlite")
        _ = try SQLiteStore(path: p)
        let known = SQLiteMigrations.migrator.migrations
        #expect(SQLiteStore.inspect(path: p) == StoreInspection(engine: "SQLite", location: p,
                                                               state: .current(version: known.count, latest: known.last!)))
        // Twice, so a probe leaves the file as it found it.
        #expect(SQLiteStore.inspect(path: p).state == .current(version: known.count, latest: known.last!))
        try? FileManager.default.removeItem(at: dir)
    }

    @Test func anOlderStoreIsBehindAndIsNotMigratedByTheLook() throws {
        let p = path("old.sqlite")
        let old = try DatabaseQueue(path: p)
        try SQLiteMigrations.migrator.migrate(old, upTo: "v1-users-payloads-audit-deliveries")
        try old.close()
        #expect(SQLiteStore.inspect(path: p).state == .behind(version: 1, pending: Array(SQLiteMigrations.migrator.migrations.dropFirst())))
        let applied = try DatabaseQueue(path: p).read { try SQLiteMigrations.migrator.appliedMigrations($0) }
        #expect(applied == ["v1-users-payloads-audit-deliveries"])
        try? FileManager.default.removeItem(at: dir)
    }

    @Test func aStoreFromANewerBuildIsAhead() throws {
        let p = path("new.sqlite")
        _ = try SQLiteStore(path: p)
        try DatabaseQueue(path: p).write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-from-the-future')") }
        #expect(SQLiteStore.inspect(path: p).state == .ahead(unknown: ["v99-from-the-future"]))
        try? FileManager.default.removeItem(at: dir)
    }

    @Test func thingsThatAreNotStores() throws {
        let garbage = path("garbage.sqlite")
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }).write(to: URL(fileURLWithPath: garbage))
        guard case .notAStore = SQLiteStore.inspect(path: garbage).state else {
            Issue.record("garbage: \(SQLiteStore.inspect(path: garbage).state)"); return
        }
        #expect(SQLiteStore.inspect(path: dir.path).state == .isDirectory)
        #expect(SQLiteStore.inspect(path: path("none/pushdesk.sqlite")).state == .missing(creatable: true))
        #expect(!FileManager.default.fileExists(atPath: path("none")), "the look created the folder")
        // Below a plain file no folder can be made (root included).
        let file = path("plain-file")
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        #expect(SQLiteStore.inspect(path: file + "/sub/pushdesk.sqlite").state == .missing(creatable: false))
        try? FileManager.default.removeItem(at: dir)
    }
}
