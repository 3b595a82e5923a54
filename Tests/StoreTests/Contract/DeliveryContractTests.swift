import Domain
import Foundation
import Store
import Testing

@Suite("Store contract: webhook deliveries")
struct DeliveryContractTests {
    @Test(arguments: StoreEngine.allCases)
    func recordsTheTokenOnceAndDetectsRetries(_ engine: StoreEngine) async throws {
        try await engine.withStore { store in
            let first = delivery(payload: "P-1", token: "tok-1", issued: t0, expiration: t0.addingTimeInterval(30 * day))
            #expect(first.key == "p-1")
            #expect(try await store.recordDelivery(first))
            var retry = first
            retry.receivedAt = t0.addingTimeInterval(10)
            retry.tokenExpiration = t0.addingTimeInterval(99 * day)
            #expect(try await store.recordDelivery(retry) == false)
            let u = try #require(try await store.user(token: "tok-1"))
            #expect(u.tokenIssued == t0)
            #expect(u.tokenExpiration == t0.addingTimeInterval(30 * day)) // the retry changed nothing
            #expect(u.lastSigned == t0)
            #expect(u.source == .webhook)
            #expect(try await store.deliveryCount() == 1)
            #expect(try await store.hasDelivery(key: "p-1"))
            #expect(try await store.hasDelivery(key: "p-2") == false)
        }
    }

    /// A renewal touches only the token fields; what the operator named stays.
    @Test(arguments: StoreEngine.allCases)
    func renewalKeepsNameAndAccountAndMovesTheTokenForward(_ engine: StoreEngine) async throws {
        try await engine.withStore { store in
            try await store.upsertUser(.init(userToken: "tok-1", name: "Alice", account: "rAlice", tokenIssued: t0,
                                             tokenExpiration: t0.addingTimeInterval(30 * day), lastSigned: t0, source: .manual, pushCount: 2))
            let later = t0.addingTimeInterval(2 * day)
            try await store.recordDelivery(delivery(payload: "p-1", token: "tok-1", issued: later, expiration: later.addingTimeInterval(30 * day), at: later))
            let u = try #require(try await store.user(token: "tok-1"))
            #expect(u.name == "Alice" && u.account == "rAlice" && u.source == .manual && u.pushCount == 2)
            #expect(u.tokenIssued == later && u.lastSigned == later)
            #expect(u.tokenExpiration == later.addingTimeInterval(30 * day))
            #expect(try await store.userCount() == 1)
        }
    }

    @Test(arguments: StoreEngine.allCases)
    func aRejectionDoesNotCountAsSigned(_ engine: StoreEngine) async throws {
        try await engine.withStore { store in
            try await store.recordDelivery(delivery(payload: "p", signed: false, token: "tok"))
            let u = try #require(try await store.user(token: "tok"))
            #expect(u.lastSigned == nil)
            #expect(u.tokenExpiration == t0.addingTimeInterval(30 * day))
            try await store.recordDelivery(delivery(payload: "q", signed: false, token: nil))
            try await store.recordDelivery(delivery(payload: "r", signed: nil, token: ""))
            #expect(try await store.userCount() == 1)
            #expect(try await store.deliveryCount() == 3)
        }
    }

    @Test(arguments: StoreEngine.allCases)
    func aDeliveryForOwnPayloadAddsTimelineEventAndUser(_ engine: StoreEngine) async throws {
        try await engine.withStore { store in
            try await store.savePayload(PayloadRecord(uuid: "p-own", transactionType: "Payment", txjson: "{}", created: t0))
            try await store.savePayload(PayloadRecord(uuid: "p-rej", transactionType: "Payment", txjson: "{}", created: t0))
            try await store.savePayload(PayloadRecord(uuid: "p-none", transactionType: "Payment", txjson: "{}", created: t0))
            try await store.recordDelivery(delivery(payload: "p-own", token: "tok", at: t0.addingTimeInterval(3)))
            try await store.recordDelivery(delivery(payload: "p-rej", signed: false, token: nil))
            try await store.recordDelivery(delivery(payload: "p-none", signed: nil, token: nil))
            let p = try #require(try await store.payload(uuid: "p-own"))
            #expect(p.events == [PayloadEvent(at: t0.addingTimeInterval(3), kind: .webhook, detail: "signed")])
            #expect(p.userToken == "tok")
            #expect(try await store.payload(uuid: "p-rej")?.events.map(\.detail) == ["rejected"])
            #expect(try await store.payload(uuid: "p-none")?.events.map(\.detail) == ["delivered"])
            #expect(try await store.user(token: "tok") != nil)
        }
    }

    /// The token a payload was pushed to stays its token; a delivery only fills in a missing one.
    @Test(arguments: StoreEngine.allCases)
    func aDeliveryDoesNotReplaceThePayloadsToken(_ engine: StoreEngine) async throws {
        try await engine.withStore { store in
            try await store.savePayload(PayloadRecord(uuid: "p", userToken: "pushed-to", transactionType: "SignIn", txjson: "{}", created: t0))
            try await store.recordDelivery(delivery(payload: "p", token: "issued"))
            #expect(try await store.payload(uuid: "p")?.userToken == "pushed-to")
            #expect(try await store.user(token: "issued") != nil)
        }
    }

    @Test(arguments: StoreEngine.allCases)
    func aDeliveryForAnUnknownPayloadInventsNoPayload(_ engine: StoreEngine) async throws {
        try await engine.withStore { store in
            try await store.recordDelivery(delivery(payload: "elsewhere", token: "tok"))
            #expect(try await store.payload(uuid: "elsewhere") == nil)
            #expect(try await store.payloads().isEmpty)
            #expect(try await store.user(token: "tok") != nil)
        }
    }

    /// The inbox's group commit: one call, every delivery answered on its own.
    @Test(arguments: StoreEngine.allCases)
    func aBatchCommitsAllAndReportsDuplicates(_ engine: StoreEngine) async throws {
        try await engine.withStore { store in
            let a = delivery(payload: "a", token: "tok-a"), b = delivery(payload: "b", token: "tok-b")
            let results = try await store.recordDeliveries([a, b, a])
            #expect(results.map { try? $0.get() } == [true, true, false])
            #expect(try await store.deliveryCount() == 2)
            #expect(try await store.userCount() == 2)
            #expect(try await store.recordDeliveries([]).isEmpty)
            #expect(try await store.recordDeliveries([b, delivery(payload: "c", token: nil)]).map { try? $0.get() } == [false, true])
        }
    }
}
