import Domain
import Foundation
import GRDB
@testable import Store
import Testing

/// What the SQLite engine does beneath the contract: which columns a write touches, and how one
/// failing delivery in a group commit is kept from the others.
@Suite("SQLite engine: writes")
struct SQLiteEngineTests {
    /// Records the columns of every UPDATE of the `user` table.
    final class UserUpdateColumns: TransactionObserver, @unchecked Sendable {
        var columns: [Set<String>] = []
        func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
            if case .update(let table, let names) = eventKind, table == "user" { columns.append(names) }
            return false
        }
        func databaseDidChange(with event: DatabaseEvent) {}
        func databaseDidCommit(_ db: Database) {}
        func databaseDidRollback(_ db: Database) {}
    }

    /// A renewal assigns only the token columns, so SQLite leaves the name and account indexes alone.
    @Test func aRenewalUpdatesOnlyTheTokenColumns() async throws {
        let (store, dir) = try makeTempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        try await store.upsertUser(.init(userToken: "tok-1", name: "Alice", account: "rAlice", lastSigned: t0))
        let observer = UserUpdateColumns()
        try await store.db.write { db in db.add(transactionObserver: observer, extent: .observerLifetime) }
        let later = t0.addingTimeInterval(day)
        try await store.recordDelivery(delivery(payload: "p-1", token: "tok-1", issued: later, at: later))
        try await store.recordResolution(resolution(uuid: "p-2", signed: true, issuedToken: "tok-1", account: "rAlice",
                                                    resolvedAt: later.addingTimeInterval(60)), userToken: nil, at: later)
        try await store.upsertUser(.init(userToken: "tok-1", name: "Alicia"), at: later) // a rename does write the name
        #expect(observer.columns.count == 3)
        #expect(observer.columns.prefix(2).allSatisfy { $0.isDisjoint(with: ["name", "account"]) && $0.contains("last_signed") })
        #expect(observer.columns.last?.contains("name") == true)
        #expect(try await store.user(token: "tok-1")?.lastSigned == later.addingTimeInterval(60))
        #expect(store.integrityCheck())
    }

    /// One delivery that fails does not undo the others committed with it.
    @Test func aFailingDeliveryInAGroupCommitFailsAlone() async throws {
        let (store, dir) = try makeTempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        try await store.db.write { db in
            try db.execute(sql: """
                CREATE TRIGGER refuse_bad BEFORE INSERT ON webhook_delivery WHEN NEW.payload_uuid = 'bad'
                BEGIN SELECT RAISE(ABORT, 'refused by test'); END
                """)
        }
        let results = try await store.recordDeliveries([delivery(payload: "a", token: "tok-a"), delivery(payload: "bad", token: "tok-bad"),
                                                        delivery(payload: "c", token: "tok-c")])
        #expect(results.map { try? $0.get() } == [true, nil, true])
        #expect(try await store.deliveryCount() == 2)
        #expect(try await store.user(token: "tok-bad") == nil)
        #expect(try await store.userCount() == 2)
    }
}
