import Domain
import Foundation
import Store
import Testing

@Suite("Import and export")
struct StoreImportExportTests {
    @Test func importsJSONWithNumbersOrISODatesAndReportsBadRows() throws {
        let (store, dir) = try makeTempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = """
            {"users": [
              {"user_token": "t1", "name": "Alice", "account": "rA", "token_issued": 1700000000, "last_signed": "2023-11-14T22:13:20Z"},
              {"userToken": "t2", "token_expiration": "2023-12-14T22:13:20.000Z"},
              {"name": "no token"},
              {"user_token": "t3", "last_signed": "yesterday"},
              42
            ]}
            """
        let report = try store.importUsers(data: Data(json.utf8), format: .json, at: t0)
        #expect(report.added == 2)
        #expect(report.skipped == ["row 3: missing user_token", "row 4: unreadable date in lastsigned: yesterday", "row 5: not an object"])
        let t1 = try #require(try store.user(token: "t1"))
        #expect(t1.lastSigned == t0)
        #expect(t1.tokenIssued == t0)
        #expect(t1.source == .import)
        #expect(try store.user(token: "t2")?.tokenExpiration == t0.addingTimeInterval(30 * day))
    }

    @Test func importsCSVWithQuotesAndUpdatesKnownUsers() throws {
        let (store, dir) = try makeTempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        try store.upsertUser(.init(userToken: "t1", account: "rOld"))
        let csv = "\u{FEFF}user_token,name,account\r\nt1,\"Smith, Jane \"\"JS\"\"\",rNew\r\nt2,Bob,\r\n\r\n,Nobody,rX\r\n"
        let report = try store.importUsers(data: Data(csv.utf8), format: .csv, at: t0)
        #expect(report.added == 1)
        #expect(report.updated == 1)
        #expect(report.skipped == ["row 5: missing user_token"])
        #expect(try store.user(token: "t1")?.name == "Smith, Jane \"JS\"")
        #expect(try store.user(token: "t1")?.account == "rNew")
        #expect(try store.user(token: "t2")?.account == nil)
    }

    @Test func unreadableFileWritesNothing() throws {
        let (store, dir) = try makeTempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: StoreError.self) { try store.importUsers(data: Data("{not json".utf8), format: .json) }
        #expect(throws: StoreError.self) { try store.importUsers(data: Data("name,account\nA,rA\n".utf8), format: .csv) }
        #expect(throws: StoreError.self) { try store.importUsers(from: dir.appendingPathComponent("missing.json")) }
        #expect(try store.userCount() == 0)
    }

    @Test(arguments: [UserFileFormat.json, .csv])
    func exportRoundTripsThroughImport(format: UserFileFormat) throws {
        let (store, dir) = try makeTempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        try store.upsertUser(.init(userToken: "t1", name: "Alice, A.", account: "rA", tokenIssued: t0,
                                   tokenExpiration: t0.addingTimeInterval(30 * day), lastSigned: t0))
        try store.upsertUser(.init(userToken: "t2"))
        let file = dir.appendingPathComponent("users.\(format.rawValue)")
        #expect(try store.exportUsers(to: file, now: t0) == 2)
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        let (other, dir2) = try makeTempStore()
        defer { try? FileManager.default.removeItem(at: dir2) }
        let report = try other.importUsers(from: file, at: t0)
        #expect(report.added == 2)
        var imported = try #require(try other.user(token: "t1"))
        imported.source = .manual
        #expect(imported == KnownUser(userToken: "t1", name: "Alice, A.", account: "rA", tokenIssued: t0,
                                      tokenExpiration: t0.addingTimeInterval(30 * day), lastSigned: t0))
    }

    @Test func listJSONCarriesTheDocumentedKeys() throws {
        let users = [KnownUser(userToken: "t1", name: "A", account: "rA", tokenIssued: t0, lastSigned: t0)]
        let data = try ExportedUser.json(users, now: t0.addingTimeInterval(25 * day))
        let array = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        let keys = Set(array[0].keys)
        #expect(keys.isSuperset(of: ["user_token", "account", "name", "token_issued", "token_expiration", "last_signed", "state"]))
        #expect(array[0]["state"] as? String == "expiring")
        #expect(array[0]["last_signed"] as? String == "2023-11-14T22:13:20Z")
        #expect(array[0]["token_expiration"] is NSNull)
    }
}
