import Domain
import Foundation
import Store
import Testing
import XummPlatform

@Suite("Users: merge, lookup, forget")
struct StoreUserTests {
    @Test func mergeFillsInAndMovesForwardNeverErases() throws {
        let (store, dir) = try makeTempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try store.upsertUser(.init(userToken: "tok", name: "Alice", lastSigned: t0, source: .manual)) == .inserted)
        #expect(try store.upsertUser(.init(userToken: "tok", account: "rAccount", lastSigned: t0.addingTimeInterval(-day), source: .import)) == .updated)
        #expect(try store.upsertUser(.init(userToken: "tok", source: .webhook)) == .unchanged)
        let u = try #require(try store.user(token: "tok"))
        #expect(u.name == "Alice")
        #expect(u.account == "rAccount")
        #expect(u.lastSigned == t0) // an older value never moves it back
        #expect(u.source == .manual) // first source kept
        #expect(try store.userCount() == 1)
    }

    @Test func sameUserFromEverySourceIsOneUser() throws {
        let (store, dir) = try makeTempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        let token = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
        try store.ingestWebhook(body: webhookBody(token: token), deliveryID: "d1", receivedAt: t0)
        try store.ingestPayloadResult(finalState(uuid: "p2", signed: true, issuedToken: token, account: "rSigner"), userToken: nil, at: t0)
        _ = try store.importUsers(data: Data("user_token,name\n\(token),Bob\n".utf8), format: .csv, at: t0)
        try store.upsertUser(.init(userToken: token, name: "Bobby", source: .manual))
        try store.applyVerification([UserTokenStatus(userToken: token, active: true)], at: t0)
        let all = try store.allUsers()
        #expect(all.count == 1)
        #expect(all[0].name == "Bobby")
        #expect(all[0].account == "rSigner")
        #expect(all[0].source == .webhook)
        #expect(all[0].verifiedActive == true)
    }

    @Test func findsByTokenAccountNameOrPrefix() throws {
        let (store, dir) = try makeTempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        try store.upsertUser(.init(userToken: "abcd-1111", name: "Alice", account: "rAlice"))
        try store.upsertUser(.init(userToken: "abcd-2222", name: "alice", account: "rAlice2"))
        try store.upsertUser(.init(userToken: "ffff-3333", name: "Carol"))
        #expect(try store.findUser(nameOrAccountOrToken: "abcd-2222")?.account == "rAlice2")
        #expect(try store.findUser(nameOrAccountOrToken: "rAlice")?.userToken == "abcd-1111")
        #expect(try store.findUser(nameOrAccountOrToken: "carol")?.userToken == "ffff-3333")
        #expect(try store.findUser(nameOrAccountOrToken: "ffff")?.userToken == "ffff-3333")
        #expect(try store.findUser(nameOrAccountOrToken: "nobody") == nil)
        #expect(throws: StoreError.ambiguous(query: "ALICE", matches: 2)) { try store.findUser(nameOrAccountOrToken: "ALICE") }
        #expect(throws: StoreError.ambiguous(query: "abcd", matches: 2)) { try store.findUser(nameOrAccountOrToken: "abcd") }
    }

    @Test func forgetRemovesTheUserAndTheTokenFromHistory() throws {
        let (store, dir) = try makeTempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        try store.upsertUser(.init(userToken: "tok"))
        try store.savePayload(PayloadRecord(uuid: "p1", userToken: "tok", transactionType: "SignIn", txjson: "{}", created: t0, pushed: true))
        #expect(try store.forgetUser(token: "tok"))
        #expect(try store.user(token: "tok") == nil)
        #expect(try store.payload(uuid: "p1")?.userToken == nil)
        #expect(try store.forgetUser(token: "tok") == false)
    }
}
