import Domain
import Foundation
import Logging
import PostgresTestSupport
import Store
import Testing

/// What the PostgreSQL engine does beneath the contract: its errors (never the password), its
/// migrations (once, also when several processes open the store together).
@Suite("PostgreSQL engine: errors and migrations")
struct PostgresEngineTests {
    static let password = "Pa55-never-shown"

    /// A port nothing listens on: the store says offline, names host:port/db, never the password.
    @Test func anUnreachableServerIsOfflineAndTheErrorHidesThePassword() async throws {
        let port = try FreePort.take()
        let endpoint = PostgresEndpoint(host: "127.0.0.1", port: port, username: "dana", password: Self.password, database: "desk",
                                        sslMode: .disable)
        let started = Date()
        do {
            _ = try await PostgresStore.open(endpoint)
            Issue.record("opened a store on a closed port")
        } catch let error as StoreError {
            #expect(error.isOffline, "\(error)")
            #expect(error.description.contains("127.0.0.1:\(port)/desk"), "\(error)")
            #expect(error.description.contains("offline"), "\(error)")
            for text in [error.description, String(reflecting: error), error.localizedDescription] {
                #expect(!text.contains(Self.password), "password in \(text)")
            }
        }
        #expect(Date().timeIntervalSince(started) < 10)
        // Through the location and the factory's path too.
        let location = try StoreLocation.parse("postgres://dana:\(Self.password)@127.0.0.1:\(port)/desk?sslmode=disable")
        await #expect(throws: StoreError.self) { _ = try await location.open() }
    }

    @Test func aWrongPasswordIsRefusedWithoutShowingIt() async throws {
        try await PostgresTestServer.withDatabase { endpoint in
            var wrong = endpoint
            wrong.password = Self.password
            do {
                _ = try await PostgresStore.open(wrong)
                Issue.record("opened with a wrong password")
            } catch {
                let text = "\(error) \(String(reflecting: error))"
                #expect(error is StoreError, "\(text)")
                #expect(!text.contains(Self.password), "password in \(text)")
                #expect(text.contains(endpoint.address), "\(text)")
            }
        }
    }

    /// Four processes' worth of stores opening one empty database at once: one migrates, the
    /// others wait on the advisory lock and find it done.
    @Test func concurrentOpensMigrateOnce() async throws {
        try await PostgresTestServer.withDatabase { endpoint in
            let names = try await withThrowingTaskGroup(of: [String].self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        let store = try await PostgresStore.open(endpoint, maximumConnections: 2)
                        let names = try await store.appliedMigrations()
                        await store.close()
                        return names
                    }
                }
                return try await group.reduce(into: [[String]]()) { $0.append($1) }
            }
            #expect(names.count == 4)
            #expect(Set(names.map { $0.joined(separator: ",") }).count == 1)
            #expect(names.first?.first == "v1-users-payloads-audit-deliveries-intents")
            #expect(names.first.map { Set($0).count == $0.count } == true)
        }
    }

    /// After close, a call fails as offline, not by hanging.
    @Test func aClosedStoreAnswersOffline() async throws {
        try await PostgresTestServer.withDatabase { endpoint in
            let store = try await PostgresStore.open(endpoint)
            try await store.upsertUser(.init(userToken: "tok"))
            await store.close()
            await #expect(throws: StoreError.self) { _ = try await store.userCount() }
        }
    }

    /// The inbox's batch goes in a few statements; when one delivery cannot be written (here a NUL
    /// character, which PostgreSQL text refuses), the batch is redone one by one and only that
    /// delivery fails.
    @Test func aFailingDeliveryInABulkBatchFailsAlone() async throws {
        try await PostgresTestServer.withDatabase { endpoint in
            let store = try await PostgresStore.open(endpoint)
            let results = try await store.recordDeliveries([delivery(payload: "ok-1", token: "tok-1"), delivery(payload: "bad\u{0}", token: "tok-2"),
                                                            delivery(payload: "ok-2", token: "tok-3")])
            #expect(results.count == 3)
            #expect((try? results[0].get()) == true && (try? results[2].get()) == true)
            #expect((try? results[1].get()) == nil)
            #expect(try await store.deliveryCount() == 2)
            #expect(Set(try await store.allUsers().map(\.userToken)) == ["tok-1", "tok-3"])
            #expect(try await store.changes(after: 0, limit: 10).map(\.change) == [.delivery("ok-1"), .user("tok-1"), .delivery("ok-2"), .user("tok-3")])
            await store.close()
        }
    }

    /// Two processes upserting the same new users at once: each user is one row, and neither
    /// process's fields are lost (the rows are locked while merged; a token the other inserted
    /// first is merged into, not overwritten).
    @Test func concurrentUpsertsOfTheSameNewUsersLoseNothing() async throws {
        try await PostgresTestServer.withDatabase { endpoint in
            let a = try await PostgresStore.open(endpoint), b = try await PostgresStore.open(endpoint)
            let tokens = (0..<300).map { "tok-\($0)" }
            for round in 0..<3 {
                async let named: [UpsertOutcome] = a.upsertUsers(tokens.map { KnownUser(userToken: $0, name: "name-\(round)") }, at: t0)
                async let accounted: [UpsertOutcome] = b.upsertUsers(tokens.map { KnownUser(userToken: $0, account: "rAcc\(round)") }, at: t0)
                _ = try await (named, accounted)
            }
            #expect(try await a.userCount() == 300)
            let users = try await b.allUsers()
            #expect(users.allSatisfy { $0.name == "name-2" && $0.account == "rAcc2" })
            await a.close(); await b.close()
        }
    }

    /// A table past the parallel threshold is read in block ranges: every user once.
    @Test func aLargeTableIsReadWholeInParallelRanges() async throws {
        try await PostgresTestServer.withDatabase { endpoint in
            let store = try await PostgresStore.open(endpoint)
            let users = (0..<30_000).map { KnownUser(userToken: String(format: "tok-%05d", $0), name: $0 % 7 == 0 ? "n\($0)" : nil) }
            try await store.upsertUsers(users, at: t0)
            // Rewrite a few, so some rows moved to other blocks.
            try await store.upsertUsers((0..<500).map { KnownUser(userToken: String(format: "tok-%05d", $0 * 60), account: "rMoved\($0)") }, at: t0)
            let all = try await store.allUsers()
            #expect(all.count == 30_000)
            #expect(Set(all.map(\.userToken)).count == 30_000)
            #expect(all.first { $0.userToken == "tok-00060" }?.account == "rMoved1")
            await store.close()
        }
    }

    /// The listener's connection is killed by the server: the feed reconnects and reads on from
    /// its last number, so what was written meanwhile still arrives, once and in order.
    @Test func theFeedCatchesUpAfterItsConnectionIsKilled() async throws {
        try await PostgresTestServer.withDatabase { endpoint in
            // PUSHDESK_TEST_PG_DEBUG=1 prints the reader pool's connection events.
            var log = Logger(label: "kill-test.reader")
            log.logLevel = ProcessInfo.processInfo.environment["PUSHDESK_TEST_PG_DEBUG"] == nil ? .critical : .debug
            let reader = try await PostgresStore.open(endpoint, logger: log)
            let first = try await PostgresStore.open(endpoint)
            try await first.upsertUser(.init(userToken: "before"), at: t0)
            let feed = reader.changeFeed(after: 0)
            let follower = Task { try await ChangeFeedContractTests.collect(feed, count: 4, timeout: .seconds(20)) }
            try await Task.sleep(for: .milliseconds(500))
            // Every connection to this database but the killer's own: the listener's and the writers'.
            try await PostgresTestServer.query(endpoint, """
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
                """)
            let second = try await PostgresStore.open(endpoint) // a writer that connects after the kill
            for i in 0..<3 { try await second.upsertUser(.init(userToken: "after-\(i)"), at: t0) }
            let seen = try await follower.value
            #expect(seen.map(\.change) == [.user("before"), .user("after-0"), .user("after-1"), .user("after-2")])
            await reader.close(); await first.close(); await second.close()
        }
    }
}

