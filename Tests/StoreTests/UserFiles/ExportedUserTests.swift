import Domain
import Foundation
import Store
import Testing

@Suite("User files (pure)")
struct ExportedUserTests {
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

    @Test func csvExportKeepsTheGivenOrderAndQuotes() throws {
        let users = [KnownUser(userToken: "b", name: "Smith, J"), KnownUser(userToken: "a")]
        let text = String(decoding: try UserFileWriter.render(users, format: .csv, now: t0), as: UTF8.self)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("user_token,account,name,"))
        #expect(lines[1].hasPrefix("b,,\"Smith, J\","))
        #expect(lines[2].hasPrefix("a,,,"))
    }

    @Test func formatIsToldByExtensionOrContent() {
        #expect(UserFileFormat(path: "/x/users.CSV") == .csv)
        #expect(UserFileFormat(path: "/x/users") == nil)
        #expect(UserFileFormat(sniffing: Data("  \n[{}]".utf8)) == .json)
        #expect(UserFileFormat(sniffing: Data("{\"users\":[]}".utf8)) == .json)
        #expect(UserFileFormat(sniffing: Data("user_token\nt1\n".utf8)) == .csv)
    }
}
