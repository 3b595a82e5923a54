import Domain
import Foundation
import Store
import Testing

@Suite("Store contract: payloads, their timelines and resolutions")
struct PayloadContractTests {
    @Test(arguments: StoreEngine.allCases)
    func savesEventsResultAndCountsPushes(_ engine: StoreEngine) async throws {
        try await engine.withStore { store in
            try await store.upsertUser(.init(userToken: "tok", name: "Alice"))
            var p = PayloadRecord(uuid: "p1", identifier: "pd-1", userToken: "tok", userName: "Alice", transactionType: "Payment",
                                  txjson: #"{"TransactionType":"Payment"}"#, expireMinutes: 5, instruction: "please",
                                  created: t0, events: [PayloadEvent(at: t0, kind: .created)], operatorName: "op")
            try await store.savePayload(p)
            #expect(try await store.user(token: "tok")?.pushCount == 0) // not pushed yet
            p.pushed = true
            p.deepLink = "https://xumm.app/sign/p1"
            p.websocketURL = "wss://xumm.app/sign/p1"
            try await store.savePayload(p)
            try await store.savePayload(p) // idempotent: not counted twice
            #expect(try await store.user(token: "tok")?.pushCount == 1)
            _ = try await store.recordProgress(uuid: "p1", events: [PayloadEvent(at: t0.addingTimeInterval(1), kind: .opened, detail: "opened")],
                                               result: nil, resolution: nil, userToken: "tok", at: t0)
            // An event for a payload PushDesk does not have is ignored, not invented.
            _ = try await store.recordProgress(uuid: "unknown", events: [PayloadEvent(at: t0, kind: .opened)],
                                               result: nil, resolution: nil, userToken: nil, at: t0)
            #expect(try await store.payload(uuid: "unknown") == nil)
            #expect(try await store.unfinishedPayloads().map(\.uuid) == ["p1"])
            let result = PayloadResult(outcome: .signed, txid: "TX", dispatchedResult: "tesSUCCESS", dispatchedNodeType: "MAINNET",
                                       network: "MAINNET", signerAccount: "rS", issuedUserToken: "tok", resolvedAt: t0.addingTimeInterval(2))
            _ = try await store.recordProgress(uuid: "p1", events: [], result: result, resolution: nil, userToken: "tok", at: t0)
            #expect(try await store.unfinishedPayloads().isEmpty)
            let loaded = try #require(try await store.payloads(limit: 10).first)
            #expect(loaded.events.map(\.kind) == [.created, .opened])
            #expect(loaded.result == result)
            #expect(loaded.stateLabel == "signed")
            var expected = p
            expected.events = [PayloadEvent(at: t0, kind: .created), PayloadEvent(at: t0.addingTimeInterval(1), kind: .opened, detail: "opened")]
            expected.result = result
            #expect(loaded == expected)
            #expect(try await store.payload(uuid: "p1") == expected)
        }
    }

    /// Events come with a payload's first save only; a later save keeps the stored timeline.
    @Test(arguments: StoreEngine.allCases)
    func aLaterSaveDoesNotRewriteTheTimeline(_ engine: StoreEngine) async throws {
        try await engine.withStore { store in
            var p = PayloadRecord(uuid: "p1", transactionType: "SignIn", txjson: "{}", created: t0, events: [PayloadEvent(at: t0, kind: .created)])
            try await store.savePayload(p)
            p.events.append(PayloadEvent(at: t0, kind: .pushed))
            p.instruction = "changed"
            try await store.savePayload(p)
            let loaded = try #require(try await store.payload(uuid: "p1"))
            #expect(loaded.events.map(\.kind) == [.created])
            #expect(loaded.instruction == "changed")
        }
    }

    @Test(arguments: StoreEngine.allCases)
    func newestFirstWithLimitAndUnfinishedOldestFirst(_ engine: StoreEngine) async throws {
        try await engine.withStore { store in
            for i in [2, 0, 4, 1, 3] {
                try await store.savePayload(PayloadRecord(uuid: "p\(i)", transactionType: "SignIn", txjson: "{}", created: t0.addingTimeInterval(Double(i)),
                                                          result: i == 1 ? PayloadResult(outcome: .expired) : nil))
            }
            #expect(try await store.payloads(limit: 2).map(\.uuid) == ["p4", "p3"])
            #expect(try await store.payloads().map(\.uuid) == ["p4", "p3", "p2", "p1", "p0"])
            #expect(try await store.unfinishedPayloads().map(\.uuid) == ["p0", "p2", "p3", "p4"])
        }
    }

    @Test(arguments: StoreEngine.allCases)
    func aSignedResolutionCreditsTheIssuedTokenAndAccount(_ engine: StoreEngine) async throws {
        try await engine.withStore { store in
            try await store.savePayload(PayloadRecord(uuid: "p1", transactionType: "SignIn", txjson: "{}", created: t0))
            let user = try await store.recordResolution(resolution(uuid: "p1", signed: true, issuedToken: "tok-9", account: "rSigner"),
                                                        userToken: nil, at: t0.addingTimeInterval(60))
            #expect(user?.userToken == "tok-9")
            #expect(user?.account == "rSigner")
            #expect(user?.lastSigned == t0) // resolved at, not the time it was recorded
            #expect(user?.source == .payload)
            #expect(try await store.user(token: "tok-9") == user)
            let p = try #require(try await store.payload(uuid: "p1"))
            #expect(p.result == resolution(uuid: "p1", signed: true, issuedToken: "tok-9", account: "rSigner").result)
        }
    }

    /// Without an issued token, the token the payload was pushed to is the one renewed; without a
    /// resolve time, the time it was recorded is.
    @Test(arguments: StoreEngine.allCases)
    func aSignedResolutionWithoutIssuedTokenCreditsThePushedToken(_ engine: StoreEngine) async throws {
        try await engine.withStore { store in
            try await store.upsertUser(.init(userToken: "tok", name: "Alice", lastSigned: t0))
            try await store.savePayload(PayloadRecord(uuid: "p1", userToken: "tok", transactionType: "SignIn", txjson: "{}", created: t0))
            let at = t0.addingTimeInterval(day)
            let user = try await store.recordResolution(resolution(uuid: "p1", signed: true, issuedToken: nil, account: "rA", resolvedAt: nil),
                                                        userToken: "tok", at: at)
            #expect(user?.userToken == "tok")
            #expect(user?.name == "Alice")
            #expect(user?.lastSigned == at)
            #expect(try await store.payload(uuid: "p1")?.result?.resolvedAt == at)
        }
    }

    /// A rejection credits nobody, and neither does a result from the websocket alone (it is
    /// written to the payload): only the authoritative signed resolution renews a token.
    @Test(arguments: StoreEngine.allCases)
    func onlyASignedResolutionCreditsTheUser(_ engine: StoreEngine) async throws {
        try await engine.withStore { store in
            try await store.upsertUser(.init(userToken: "tok"))
            for uuid in ["rejected", "unconfirmed"] {
                try await store.savePayload(PayloadRecord(uuid: uuid, userToken: "tok", transactionType: "SignIn", txjson: "{}", created: t0))
            }
            let rejected = try await store.recordResolution(resolution(uuid: "rejected", signed: false, issuedToken: nil, account: nil),
                                                            userToken: "tok", at: t0)
            let unconfirmed = try await store.recordProgress(uuid: "unconfirmed", events: [PayloadEvent(at: t0, kind: .signed)],
                                                             result: PayloadResult(outcome: .signed, issuedUserToken: "tok", resolvedAt: t0),
                                                             resolution: nil, userToken: "tok", at: t0)
            #expect(rejected == nil && unconfirmed == nil)
            #expect(try await store.user(token: "tok")?.lastSigned == nil)
            #expect(try await store.payload(uuid: "rejected")?.result?.outcome == .rejected)
            #expect(try await store.payload(uuid: "unconfirmed")?.result?.outcome == .signed)
        }
    }

    @Test(arguments: StoreEngine.allCases)
    func oneStatusEventIsRecordedWholeInOneCall(_ engine: StoreEngine) async throws {
        try await engine.withStore { store in
            try await store.savePayload(PayloadRecord(uuid: "p1", transactionType: "SignIn", txjson: "{}", created: t0))
            let signedEvent = PayloadEvent(at: t0.addingTimeInterval(5), kind: .signed)
            // An intermediate event: timeline only, no user credited.
            let none = try await store.recordProgress(uuid: "p1", events: [PayloadEvent(at: t0, kind: .opened)], result: nil, resolution: nil,
                                                      userToken: "tok", at: t0)
            #expect(none == nil)
            // The websocket's result and the GET's resolution in one event: the resolution is what is stored.
            let wsResult = PayloadResult(outcome: .signed, txid: "ABC", resolvedAt: t0.addingTimeInterval(5))
            let confirmed = resolution(uuid: "p1", signed: true, issuedToken: "tok-9", account: "rSigner")
            let user = try await store.recordProgress(uuid: "p1", events: [signedEvent], result: wsResult, resolution: confirmed,
                                                      userToken: "tok", at: t0.addingTimeInterval(60))
            #expect(user?.userToken == "tok-9")
            #expect(user?.account == "rSigner")
            let p = try #require(try await store.payload(uuid: "p1"))
            #expect(p.events.map(\.kind) == [.opened, .signed])
            #expect(p.result == confirmed.result)
            // A payload PushDesk does not have: no timeline is invented, the signature still credits the user.
            let stranger = try await store.recordProgress(uuid: "zz", events: [signedEvent], result: wsResult,
                                                          resolution: resolution(uuid: "zz", signed: true, issuedToken: "tok-7", account: "rOther"),
                                                          userToken: nil, at: t0)
            #expect(stranger?.userToken == "tok-7")
            #expect(try await store.payload(uuid: "zz") == nil)
        }
    }
}

/// Group-committed progress: several payloads in one call, each as if on its own.
@Suite("Store contract: progress in batches")
struct ProgressBatchContractTests {
    @Test(arguments: StoreEngine.allCases)
    func aBatchWritesEachPayloadsProgressAndCreditsTheSigner(_ engine: StoreEngine) async throws {
        try await engine.withStore { store in
            try await store.upsertUser(.init(userToken: "tok", name: "Alice"))
            for uuid in ["b1", "b2"] {
                try await store.savePayload(PayloadRecord(uuid: uuid, userToken: "tok", transactionType: "SignIn", txjson: "{}", created: t0))
            }
            let signed = PayloadResult(outcome: .signed, txid: "TX", signerAccount: "rSigner", resolvedAt: t0.addingTimeInterval(5))
            let results = try await store.recordProgress([
                ProgressWrite(uuid: "b1", events: [PayloadEvent(at: t0, kind: .opened)], result: nil, resolution: nil, userToken: "tok", at: t0),
                ProgressWrite(uuid: "missing", events: [PayloadEvent(at: t0, kind: .opened)], result: nil, resolution: nil, userToken: nil, at: t0),
                ProgressWrite(uuid: "b2", events: [PayloadEvent(at: t0, kind: .signed)], result: signed,
                              resolution: PayloadResolution(uuid: "b2", result: signed), userToken: "tok", at: t0),
            ])
            #expect(results.count == 3)
            #expect(try results[0].get() == nil && results[1].get() == nil)
            let credited = try #require(try results[2].get())
            #expect(credited.userToken == "tok" && credited.account == "rSigner")
            #expect(try await store.payload(uuid: "b1")?.events.map(\.kind) == [.opened])
            #expect(try await store.payload(uuid: "b1")?.result == nil)
            #expect(try await store.payload(uuid: "b2")?.result?.outcome == .signed)
            #expect(try await store.payload(uuid: "missing") == nil)
        }
    }
}
