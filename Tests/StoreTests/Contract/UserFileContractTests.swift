import Domain
import Foundation
import Store
import Testing

@Suite("Store contract: users import and export")
struct UserFileContractTests {
    @Test(arguments: StoreEngine.allCases)
    func importsJSONWithNumbersOrISODatesAndReportsBadRows(_ engine: StoreEngine) async throws {
        try await engine.withStore { store in
            let json = """
                {"users": [
                  {"user_token": "t1", "name": "Alice", "account": "rA", "token_issued": 1700000000, "last_signed": "2023-11-14T22:13:20Z"},
                  {"userToken": "t2", "token_expiration": "2023-12-14T22:13:20.000Z"},
                  {"name": "no token"},
                  {"user_token": "t3", "last_signed": "yesterday"},
                  42
                ]}
                """
            let report = try await store.importUsers(data: Data(json.utf8), format: .json, at: t0)
            #expect(report.added == 2)
            #expect(report.skipped == ["row 3: missing user_token", "row 4: unreadable date in lastsigned: yesterday", "row 5: not an object"])
            let t1 = try #require(try await store.user(token: "t1"))
            #expect(t1.lastSigned == t0)
            #expect(t1.tokenIssued == t0)
            #expect(t1.source == .import)
            #expect(try await store.user(token: "t2")?.tokenExpiration == t0.addingTimeInterval(30 * day))
            #expect(try await store.userCount() == 2)
        }
    }

    @Test(arguments: StoreEngine.allCases)
    func importsCSVWithQuotesAndUpdatesKnownUsers(_ engine: StoreEngine) async throws {
        try await engine.withStore { store in
            try await store.upsertUser(.init(userToken: "t1", account: "rOld"))
            try await store.upsertUser(.init(userToken: "t3", name: "Same"))
            let csv = "\u{FEFF}user_token,name,account\r\nt1,\"Smith, Jane \"\"JS\"\"\",rNew\r\nt2,Bob,\r\nt3,Same,\r\n\r\n,Nobody,rX\r\n"
            let report = try await store.importUsers(data: Data(csv.utf8), format: .csv, at: t0)
            #expect(report.added == 1)
            #expect(report.updated == 1)
            #expect(report.unchanged == 1)
            #expect(report.skipped == ["row 6: missing user_token"])
            #expect(try await store.user(token: "t1")?.name == "Smith, Jane \"JS\"")
            #expect(try await store.user(token: "t1")?.account == "rNew")
            #expect(try await store.user(token: "t2")?.account == nil)
        }
    }

    @Test(arguments: StoreEngine.allCases)
    func anUnreadableFileWritesNothing(_ engine: StoreEngine) async throws {
        try await engine.withStore { store in
            await #expect(throws: StoreError.self) { try await store.importUsers(data: Data("{not json".utf8), format: .json) }
            await #expect(throws: StoreError.self) { try await store.importUsers(data: Data("name,account\nA,rA\n".utf8), format: .csv) }
            await #expect(throws: StoreError.self) {
                try await store.importUsers(from: FileManager.default.temporaryDirectory.appendingPathComponent("missing-\(UUID().uuidString).json"))
            }
            let users = try await store.userCount()
            #expect(users == 0)
        }
    }

    @Test(arguments: StoreEngine.allCases, [UserFileFormat.json, .csv])
    func exportRoundTripsThroughImport(_ engine: StoreEngine, format: UserFileFormat) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pushdesk-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("users.\(format.rawValue)")
        try await engine.withStore { store in
            try await store.upsertUser(.init(userToken: "t1", name: "Alice, A.", account: "rA", tokenIssued: t0,
                                             tokenExpiration: t0.addingTimeInterval(30 * day), lastSigned: t0))
            try await store.upsertUser(.init(userToken: "t2"))
            #expect(try await store.exportUsers(to: file, now: t0) == 2)
        }
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        try await engine.withStore { other in
            let report = try await other.importUsers(from: file, at: t0)
            #expect(report.added == 2)
            var imported = try #require(try await other.user(token: "t1"))
            #expect(imported.source == .import)
            imported.source = .manual
            #expect(imported == KnownUser(userToken: "t1", name: "Alice, A.", account: "rA", tokenIssued: t0,
                                          tokenExpiration: t0.addingTimeInterval(30 * day), lastSigned: t0))
        }
    }

    @Test(arguments: StoreEngine.allCases)
    func exportNeedsAFormatItCanTell(_ engine: StoreEngine) async throws {
        try await engine.withStore { store in
            await #expect(throws: StoreError.unsupportedFormat("txt")) {
                try await store.exportUsers(to: FileManager.default.temporaryDirectory.appendingPathComponent("users.txt"))
            }
        }
    }
}
