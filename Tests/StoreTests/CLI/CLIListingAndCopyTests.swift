import Domain
import Foundation
import Store
import Testing

/// `pushdesk payloads list`, `pushdesk audit` and `users export/import` on both engines, through
/// the built binary and `--store`.
@Suite("Store commands: payloads list, audit, users export/import", .enabled(if: PushdeskBinary.locate() != nil, "pushdesk binary not built: run `swift build` before `swift test`"))
struct CLIListingAndCopyTests {
    let binary = PushdeskBinary.locate()!

    static func seed(_ store: any PushDeskStore, now: Date) async throws {
        try await store.upsertUser(.init(userToken: "tok-bob", name: "bob"), at: now)
        let signed = PayloadRecord(uuid: "p-old", identifier: "pd-old", userToken: "tok-bob", userName: "bob", transactionType: "TrustSet",
                                   txjson: "{}", created: now.addingTimeInterval(-7200), pushed: true,
                                   result: PayloadResult(outcome: .signed, txid: "ABCDEF0123456789"), operatorName: "dana@desk2")
        try await store.recordCreated(signed, audit: AuditEntry(at: now.addingTimeInterval(-7200), actor: "dana@desk2", action: "push",
                                                                detail: "p-old TrustSet", payloadUUID: "p-old", userToken: "tok-bob"))
        let live = PayloadRecord(uuid: "p-new", identifier: "pd-new", transactionType: "SignIn", txjson: "{}",
                                 created: now.addingTimeInterval(-60), pushed: false, operatorName: "erin@desk1")
        try await store.recordCreated(live, audit: AuditEntry(at: now.addingTimeInterval(-60), actor: "erin@desk1", action: "push",
                                                              detail: "p-new SignIn", payloadUUID: "p-new"))
    }

    @Test(arguments: StoreEngine.allCases)
    func payloadsListAndAuditPrintEveryOperatorsWork(_ engine: StoreEngine) async throws {
        try await engine.withLocation { location in
            let now = Date()
            try await Self.seed(try await StoreEngine.open(location), now: now)
            let store = PushdeskCLI.storeArgument(location)

            let list = try PushdeskCLI.run(binary, ["payloads", "list", "--json", "--store", store])
            #expect(list.status == 0, "\(list.stderr)")
            let rows = try #require(list.json as? [[String: Any]])
            #expect(rows.map { $0["uuid"] as? String } == ["p-new", "p-old"])
            let old = rows[1]
            #expect(Set(old.keys) == ["uuid", "user", "user_token", "tx_type", "state", "outcome", "txid", "operator", "created_at", "identifier"])
            #expect(old["user"] as? String == "bob" && old["user_token"] as? String == "tok-bob")
            #expect(old["tx_type"] as? String == "TrustSet" && old["state"] as? String == "signed" && old["outcome"] as? String == "signed")
            #expect(old["txid"] as? String == "ABCDEF0123456789" && old["operator"] as? String == "dana@desk2")
            #expect(old["identifier"] as? String == "pd-old")
            #expect(rows[0]["state"] as? String == "not pushed" && rows[0]["outcome"] is NSNull)

            let text = try PushdeskCLI.run(binary, ["payloads", "list", "--store", store])
            #expect(text.stdout.contains("dana@desk2") && text.stdout.contains("2 payloads"), "\(text.stdout)")

            let audit = try PushdeskCLI.run(binary, ["audit", "--json", "--since", "1h", "--store", store])
            #expect(audit.status == 0, "\(audit.stderr)")
            let entries = try #require(audit.json as? [[String: Any]])
            #expect(entries.count == 1) // the 2 h old push is outside --since 1h
            #expect(entries.first?["operator"] as? String == "erin@desk1")
            #expect(entries.first?["uuid"] as? String == "p-new" && entries.first?["action"] as? String == "push")
            let all = try PushdeskCLI.run(binary, ["audit", "--json", "--store", store])
            let allEntries = try #require(all.json as? [[String: Any]])
            #expect(allEntries.map { $0["operator"] as? String } == ["erin@desk1", "dana@desk2"])
            #expect(allEntries.last?["user"] as? String == "bob")
        }
    }

    /// `--live` prints a payload another process creates, then its progress.
    @Test(arguments: StoreEngine.allCases)
    func payloadsListLiveFollowsOtherProcessesWrites(_ engine: StoreEngine) async throws {
        try await engine.withLocation { location in
            let now = Date()
            let writer = try await StoreEngine.open(location)
            try await Self.seed(writer, now: now)
            let live = try PushdeskCLI.Live(binary, ["payloads", "list", "--json", "--live", "--store", PushdeskCLI.storeArgument(location)])
            defer { live.stop() }
            let listed = await live.waitForLine { line in line.contains("\"p-old\"") }
            #expect(listed != nil, "\(live.lines)")
            try await Task.sleep(for: .milliseconds(300))
            try await writer.savePayload(PayloadRecord(uuid: "p-live", transactionType: "Payment", txjson: "{}", created: now, pushed: true,
                                                       operatorName: "frank@desk3"))
            let created = await live.waitForLine { line in line.contains("\"p-live\"") }
            #expect(created?.contains("\"operator\":\"frank@desk3\"") == true, "created: \(created ?? "nil"); lines: \(live.lines)")
            try await writer.recordProgress(uuid: "p-live", events: [PayloadEvent(at: now, kind: .opened)], result: nil, resolution: nil,
                                            userToken: nil, at: now)
            let opened = await live.waitForLine { line in line.contains("\"p-live\"") && line.contains("\"state\":\"opened\"") }
            #expect(opened != nil, "\(live.lines)")
        }
    }

    /// A team's first day: an operator's SQLite users go into the shared PostgreSQL store.
    @Test func usersExportedFromSQLiteImportIntoPostgres() async throws {
        try await StoreEngine.sqlite.withLocation { sqlite in
            try await StoreEngine.postgres.withLocation { postgres in
                let local = try await StoreEngine.open(sqlite)
                try await local.upsertUsers((0..<50).map { KnownUser(userToken: "tok-\($0)", name: "user \($0)", account: "rAcc\($0)",
                                                                     lastSigned: t0.addingTimeInterval(Double($0)), source: .webhook) }, at: t0)
                let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pd-team-\(UUID().uuidString)")
                try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(at: dir) }
                let file = dir.appendingPathComponent("users.json").path
                let exported = try PushdeskCLI.run(binary, ["users", "export", file, "--store", PushdeskCLI.storeArgument(sqlite)])
                #expect(exported.status == 0, "\(exported.stderr)")
                let imported = try PushdeskCLI.run(binary, ["users", "import", file, "--store", PushdeskCLI.storeArgument(postgres), "--operator", "dana"])
                #expect(imported.status == 0, "\(imported.stderr)")
                #expect(imported.stdout.contains("50 added"), "\(imported.stdout)")
                let shared = try await StoreEngine.open(postgres)
                #expect(try await shared.userCount() == 50)
                var first = try #require(try await shared.user(token: "tok-7"))
                #expect(first.source == .import)
                first.source = .webhook
                #expect(first == KnownUser(userToken: "tok-7", name: "user 7", account: "rAcc7", lastSigned: t0.addingTimeInterval(7), source: .webhook))
                #expect(try await shared.auditLog().first?.operatorName == "dana")
                // The password of the URL is in no output.
                #expect(!imported.stdout.contains("pushdesk@") && !imported.stderr.contains(":pushdesk@"))
            }
        }
    }
}
