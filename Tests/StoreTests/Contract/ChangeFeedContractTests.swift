import Domain
import Foundation
import Store
import Testing

@Suite("Store contract: the change feed")
struct ChangeFeedContractTests {
    /// Each write appends what it changed, in order, numbered upwards; a write that changes
    /// nothing appends nothing.
    @Test(arguments: StoreEngine.allCases)
    func writesAppendTheirChangesInOrder(_ engine: StoreEngine) async throws {
        try await engine.withStore { store in
            #expect(try await store.latestChangeNumber() == 0)
            #expect(try await store.changes(after: 0, limit: 10).isEmpty)
            try await store.upsertUser(.init(userToken: "a", name: "Alice"), at: t0)
            try await store.upsertUser(.init(userToken: "a"), at: t0) // unchanged: nothing
            try await store.savePayload(PayloadRecord(uuid: "p1", userToken: "a", transactionType: "SignIn", txjson: "{}", created: t0, pushed: true))
            try await store.audit(action: "push", actor: "dana", detail: "p1", at: t0)
            try await store.recordDelivery(delivery(payload: "p1", token: "b"))
            try await store.recordDelivery(delivery(payload: "p1", token: "b")) // a retry: nothing
            try await store.recordProgress(uuid: "p1", events: [PayloadEvent(at: t0, kind: .opened)], result: nil, resolution: nil, userToken: "a", at: t0)
            try await store.applyVerification([TokenCheck(userToken: "a", active: true), TokenCheck(userToken: "zz", active: true)], at: t0)
            try await store.forgetUser(token: "b")
            let all = try await store.changes(after: 0, limit: 100)
            let audit = try #require(all.first { $0.change.kind == "audit" })
            #expect(all.map(\.change) == [.user("a"), .payload("p1"), .user("a"), audit.change, .delivery("p1"), .user("b"), .payload("p1"),
                                          .payload("p1"), .user("a"), .user("b")])
            #expect(zip(all, all.dropFirst()).allSatisfy { $0.number < $1.number })
            #expect(try await store.latestChangeNumber() == all.last?.number)
            // Paging: after a number, at most limit.
            let page = try await store.changes(after: all[2].number, limit: 3)
            #expect(page == Array(all[3..<6]))
        }
    }

    /// Each change names the handle that wrote it, so a process can skip its own echo.
    @Test(arguments: StoreEngine.allCases)
    func changesNameTheHandleThatWroteThem(_ engine: StoreEngine) async throws {
        try await engine.withReopenableStore { first, reopen in
            let second = try await reopen()
            #expect(first.changeOrigin != second.changeOrigin)
            try await first.upsertUser(.init(userToken: "a"), at: t0)
            try await second.upsertUser(.init(userToken: "b"), at: t0)
            try await second.savePayload(PayloadRecord(uuid: "p1", transactionType: "SignIn", txjson: "{}", created: t0))
            let all = try await first.changes(after: 0, limit: 10)
            #expect(all.map(\.origin) == [first.changeOrigin, second.changeOrigin, second.changeOrigin])
        }
    }

    /// A refused write (a duplicate identifier) rolls its changes back with it.
    @Test(arguments: StoreEngine.allCases)
    func aRefusedWriteAppendsNothing(_ engine: StoreEngine) async throws {
        try await engine.withStore { store in
            try await store.savePayload(PayloadRecord(uuid: "p1", identifier: "pd-1", transactionType: "SignIn", txjson: "{}", created: t0))
            let before = try await store.latestChangeNumber()
            await #expect(throws: StoreError.self) {
                try await store.recordCreated(PayloadRecord(uuid: "p2", identifier: "pd-1", transactionType: "SignIn", txjson: "{}", created: t0),
                                              audit: AuditEntry(at: t0, actor: "op", action: "push", detail: "p2"))
            }
            #expect(try await store.latestChangeNumber() == before)
        }
    }

    /// A follower that starts from a number gets every later change, in batches, none twice.
    @Test(arguments: StoreEngine.allCases)
    func theFeedCatchesUpFromItsNumber(_ engine: StoreEngine) async throws {
        try await engine.withStore { store in
            try await store.upsertUser(.init(userToken: "before"), at: t0)
            let start = try await store.latestChangeNumber()
            for i in 0..<25 { try await store.upsertUser(.init(userToken: "u\(i)"), at: t0) }
            let seen = try await Self.collect(store.changeFeed(after: start, batchLimit: 10), count: 25)
            #expect(seen.map(\.change) == (0..<25).map { .user("u\($0)") })
            #expect(Set(seen.map(\.number)).count == 25)
        }
    }

    /// What one handle (another process) writes reaches a feed on the other while it follows.
    @Test(arguments: StoreEngine.allCases)
    func aSecondHandleFollowsTheFirstsWritesLive(_ engine: StoreEngine) async throws {
        try await engine.withReopenableStore { writer, reopen in
            let reader = try await reopen()
            let start = try await reader.latestChangeNumber()
            let feed = reader.changeFeed(after: start)
            let writes = Task {
                try await Task.sleep(for: .milliseconds(300)) // the reader is following by now
                try await writer.upsertUser(.init(userToken: "live-1"), at: t0)
                try await writer.savePayload(PayloadRecord(uuid: "live-p", transactionType: "SignIn", txjson: "{}", created: t0))
                try await writer.audit(action: "push", actor: "dana", detail: "live-p", at: t0)
            }
            let started = Date()
            let seen = try await Self.collect(feed, count: 3)
            try await writes.value
            #expect(seen.prefix(2).map(\.change) == [.user("live-1"), .payload("live-p")])
            #expect(seen.last?.change.kind == "audit")
            #expect(Date().timeIntervalSince(started) < 5)
        }
    }

    /// Reads the feed until `count` changes arrived (or fails after `timeout`).
    static func collect(_ feed: ChangeFeed, count: Int, timeout: Duration = .seconds(10)) async throws -> [NumberedChange] {
        try await withThrowingTaskGroup(of: [NumberedChange]?.self) { group in
            group.addTask {
                var seen: [NumberedChange] = []
                for await batch in feed {
                    seen += batch
                    if seen.count >= count { break }
                }
                return seen
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            guard let seen = first else {
                Issue.record("the feed did not deliver \(count) changes within \(timeout)")
                return []
            }
            return seen
        }
    }
}
