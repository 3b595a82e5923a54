import Domain
import Foundation
import Store
import Testing

@Suite("Store contract: users (merge, lookup, forget, verification)")
struct UserContractTests {
    @Test(arguments: StoreEngine.allCases)
    func mergeFillsInAndMovesForwardNeverErases(_ engine: StoreEngine) async throws {
        try await engine.withStore { store in
            #expect(try await store.upsertUser(.init(userToken: "tok", name: "Alice", lastSigned: t0, source: .manual)) == .inserted)
            #expect(try await store.upsertUser(.init(userToken: "tok", account: "rAccount", lastSigned: t0.addingTimeInterval(-day), source: .import)) == .updated)
            #expect(try await store.upsertUser(.init(userToken: "tok", source: .webhook)) == .unchanged)
            let u = try #require(try await store.user(token: "tok"))
            #expect(u.name == "Alice")
            #expect(u.account == "rAccount")
            #expect(u.lastSigned == t0) // an older value never moves it back
            #expect(u.source == .manual) // first source kept
            #expect(try await store.userCount() == 1)
        }
    }

    /// One transaction: a later user in the list sees the earlier ones.
    @Test(arguments: StoreEngine.allCases)
    func upsertingManyAnswersPerUserInOrder(_ engine: StoreEngine) async throws {
        try await engine.withStore { store in
            let a = KnownUser(userToken: "a", name: "A"), b = KnownUser(userToken: "b")
            let outcomes = try await store.upsertUsers([a, b, a, KnownUser(userToken: "a", account: "rA")], at: t0)
            #expect(outcomes == [.inserted, .inserted, .unchanged, .updated])
            #expect(try await store.userCount() == 2)
            #expect(try await store.user(token: "a") == KnownUser(userToken: "a", name: "A", account: "rA"))
            #expect(Set(try await store.allUsers().map(\.userToken)) == ["a", "b"])
        }
    }

    @Test(arguments: StoreEngine.allCases)
    func everyFieldRoundTrips(_ engine: StoreEngine) async throws {
        try await engine.withStore { store in
            let full = KnownUser(userToken: "tok", name: "Zoë 🚀", account: "rFull", tokenIssued: t0.addingTimeInterval(0.25),
                                 tokenExpiration: t0.addingTimeInterval(30 * day), lastSigned: t0.addingTimeInterval(day),
                                 source: .import, verifiedActive: false, verifiedAt: t0.addingTimeInterval(2 * day), pushCount: 3)
            try await store.upsertUser(full, at: t0)
            #expect(try await store.user(token: "tok") == full)
            #expect(try await store.allUsers() == [full])
        }
    }

    @Test(arguments: StoreEngine.allCases)
    func sameUserFromEverySourceIsOneUser(_ engine: StoreEngine) async throws {
        try await engine.withStore { store in
            let token = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
            try await store.recordDelivery(delivery(payload: "p1", token: token))
            try await store.recordResolution(resolution(uuid: "p2", signed: true, issuedToken: token, account: "rSigner"), userToken: nil, at: t0)
            _ = try await store.importUsers(data: Data("user_token,name\n\(token),Bob\n".utf8), format: .csv, at: t0)
            try await store.upsertUser(.init(userToken: token, name: "Bobby", source: .manual))
            try await store.applyVerification([TokenCheck(userToken: token, active: true)], at: t0)
            let all = try await store.allUsers()
            #expect(all.count == 1)
            #expect(all[0].name == "Bobby")
            #expect(all[0].account == "rSigner")
            #expect(all[0].source == .webhook)
            #expect(all[0].verifiedActive == true)
        }
    }

    @Test(arguments: StoreEngine.allCases)
    func findsByTokenAccountNameOrPrefix(_ engine: StoreEngine) async throws {
        try await engine.withStore { store in
            try await store.upsertUser(.init(userToken: "abcd-1111", name: "Alice", account: "rAlice"))
            try await store.upsertUser(.init(userToken: "abcd-2222", name: "alice", account: "rAlice2"))
            try await store.upsertUser(.init(userToken: "ffff-3333", name: "Carol"))
            #expect(try await store.findUser(nameOrAccountOrToken: "abcd-2222")?.account == "rAlice2")
            #expect(try await store.findUser(nameOrAccountOrToken: " rAlice ")?.userToken == "abcd-1111")
            #expect(try await store.findUser(nameOrAccountOrToken: "carol")?.userToken == "ffff-3333")
            #expect(try await store.findUser(nameOrAccountOrToken: "ffff")?.userToken == "ffff-3333")
            #expect(try await store.findUser(nameOrAccountOrToken: "fff") == nil) // a prefix needs 4 characters
            #expect(try await store.findUser(nameOrAccountOrToken: "ff_f") == nil) // `_` is a character, not a wildcard
            #expect(try await store.findUser(nameOrAccountOrToken: "ff%") == nil)
            #expect(try await store.findUser(nameOrAccountOrToken: "nobody") == nil)
            #expect(try await store.findUser(nameOrAccountOrToken: "  ") == nil)
            await #expect(throws: StoreError.ambiguous(query: "ALICE", matches: 2)) { try await store.findUser(nameOrAccountOrToken: "ALICE") }
            await #expect(throws: StoreError.ambiguous(query: "abcd", matches: 2)) { try await store.findUser(nameOrAccountOrToken: "abcd") }
        }
    }

    @Test(arguments: StoreEngine.allCases)
    func anAccountFindsItsMostRecentSigner(_ engine: StoreEngine) async throws {
        try await engine.withStore { store in
            try await store.upsertUser(.init(userToken: "old-token", account: "rShared", lastSigned: t0))
            try await store.upsertUser(.init(userToken: "new-token", account: "rShared", lastSigned: t0.addingTimeInterval(day)))
            #expect(try await store.findUser(nameOrAccountOrToken: "rShared")?.userToken == "new-token")
        }
    }

    @Test(arguments: StoreEngine.allCases)
    func forgetRemovesTheUserAndTheTokenFromHistory(_ engine: StoreEngine) async throws {
        try await engine.withStore { store in
            try await store.upsertUser(.init(userToken: "tok"))
            try await store.upsertUser(.init(userToken: "other"))
            try await store.savePayload(PayloadRecord(uuid: "p1", userToken: "tok", transactionType: "SignIn", txjson: "{}", created: t0, pushed: true,
                                                      result: PayloadResult(outcome: .signed, issuedUserToken: "tok")))
            #expect(try await store.forgetUser(token: "tok"))
            #expect(try await store.user(token: "tok") == nil)
            let p = try #require(try await store.payload(uuid: "p1"))
            #expect(p.userToken == nil)
            #expect(p.result?.issuedUserToken == nil)
            #expect(p.result?.outcome == .signed) // the history stays
            #expect(try await store.forgetUser(token: "tok") == false)
            #expect(try await store.userCount() == 1)
        }
    }

    @Test(arguments: StoreEngine.allCases)
    func verificationIsAuthoritativeAndIgnoresUnknownTokens(_ engine: StoreEngine) async throws {
        try await engine.withStore { store in
            try await store.upsertUser(.init(userToken: "live", tokenExpiration: t0.addingTimeInterval(30 * day)))
            try await store.upsertUser(.init(userToken: "dead", lastSigned: t0))
            let n = try await store.applyVerification([
                TokenCheck(userToken: "live", active: true, issued: Date(timeIntervalSince1970: 1_699_000_000),
                           expires: Date(timeIntervalSince1970: 1_700_500_000)),
                TokenCheck(userToken: "dead", active: false),
                TokenCheck(userToken: "stranger", active: true),
            ], at: t0)
            #expect(n == 2)
            let live = try #require(try await store.user(token: "live"))
            #expect(live.tokenExpiration == Date(timeIntervalSince1970: 1_700_500_000)) // moved back: the platform said so
            #expect(live.tokenIssued == Date(timeIntervalSince1970: 1_699_000_000))
            #expect(live.verifiedActive == true)
            #expect(live.verifiedAt == t0)
            let dead = try #require(try await store.user(token: "dead"))
            #expect(dead.lastSigned == t0) // a check without times keeps the ones stored
            #expect(TokenAge(user: dead, now: t0.addingTimeInterval(day)).state == .revoked)
            #expect(try await store.user(token: "stranger") == nil)
        }
    }

    /// What one handle committed, another (another process, or this one restarted) reads.
    @Test(arguments: StoreEngine.allCases)
    func anotherHandleSeesWhatWasCommitted(_ engine: StoreEngine) async throws {
        try await engine.withReopenableStore { store, reopen in
            try await store.upsertUser(.init(userToken: "tok-1", name: "Alice"))
            try await store.recordDelivery(delivery(payload: "p-1", token: "tok-2"))
            let again = try await reopen()
            #expect(try await again.user(token: "tok-1")?.name == "Alice")
            #expect(try await again.hasDelivery(key: "p-1"))
            #expect(try await again.recordDelivery(delivery(payload: "p-1", token: "tok-2")) == false)
            try await again.upsertUser(.init(userToken: "tok-3"))
            #expect(try await store.userCount() == 3)
        }
    }
}
