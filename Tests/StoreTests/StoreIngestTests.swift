import Domain
import Foundation
import Store
import Testing
import XummPlatform

@Suite("Ingest: webhook, payload result, verification")
struct StoreIngestTests {
    @Test func webhookRecordsTokenOnceAndDetectsRetries() throws {
        let (store, dir) = try makeTempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        let body = webhookBody(payload: "p-1", token: "tok-1", issued: 1_700_000_000, expiration: 1_702_592_000)
        let key = WebhookDeliveryKey.key(for: body)
        #expect(try store.ingestWebhook(body: body, deliveryID: key, receivedAt: t0))
        #expect(try store.ingestWebhook(body: body, deliveryID: key, receivedAt: t0.addingTimeInterval(10)) == false)
        let u = try #require(try store.user(token: "tok-1"))
        #expect(u.tokenIssued == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(u.tokenExpiration == Date(timeIntervalSince1970: 1_702_592_000))
        #expect(u.lastSigned == t0)
        #expect(u.source == .webhook)
        #expect(try store.deliveryCount() == 1)
        #expect(try store.hasDelivery(key))
    }

    /// A renewal touches only the token fields (its own UPDATE); what the operator named stays.
    @Test func webhookRenewalKeepsNameAndAccountAndMovesTheTokenForward() throws {
        let (store, dir) = try makeTempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        try store.upsertUser(.init(userToken: "tok-1", name: "Alice", account: "rAlice", tokenIssued: t0, tokenExpiration: t0.addingTimeInterval(30 * day),
                                   lastSigned: t0, source: .manual))
        let later = t0.addingTimeInterval(2 * day)
        try store.ingestWebhook(body: webhookBody(payload: "p-1", token: "tok-1", issued: Int(later.timeIntervalSince1970),
                                                  expiration: Int(later.timeIntervalSince1970 + 30 * day)),
                                deliveryID: "p-1", receivedAt: later)
        let u = try #require(try store.user(token: "tok-1"))
        #expect(u.name == "Alice" && u.account == "rAlice" && u.source == .manual)
        #expect(u.tokenIssued == later && u.lastSigned == later)
        #expect(u.tokenExpiration == later.addingTimeInterval(30 * day))
        #expect(try store.userCount() == 1)
        #expect(store.integrityCheck())
    }

    @Test func retryKeyIgnoresTimestampAndSignature() {
        let a = webhookBody(payload: "P-UUID", token: "t")
        var b = a
        b.payloadResponse?.referenceCallUUID = "other"
        #expect(WebhookDeliveryKey.key(for: a) == WebhookDeliveryKey.key(for: b))
        #expect(WebhookDeliveryKey.key(for: a) == "p-uuid")
    }

    @Test func rejectedWebhookDoesNotCountAsSigned() throws {
        let (store, dir) = try makeTempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        try store.ingestWebhook(body: webhookBody(payload: "p", signed: false, token: "tok"), deliveryID: "p", receivedAt: t0)
        #expect(try store.user(token: "tok")?.lastSigned == nil)
        try store.ingestWebhook(body: webhookBody(payload: "q", signed: false, token: nil), deliveryID: "q", receivedAt: t0)
        #expect(try store.userCount() == 1)
        #expect(try store.deliveryCount() == 2)
    }

    @Test func webhookForOwnPayloadAddsTimelineEventAndUser() throws {
        let (store, dir) = try makeTempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        try store.savePayload(PayloadRecord(uuid: "p-own", transactionType: "Payment", txjson: "{}", created: t0))
        try store.ingestWebhook(body: webhookBody(payload: "p-own", token: "tok"), deliveryID: "p-own", receivedAt: t0)
        let p = try #require(try store.payload(uuid: "p-own"))
        #expect(p.events.map(\.kind) == [.webhook])
        #expect(p.events.first?.detail == "signed")
        #expect(p.userToken == "tok")
    }

    @Test func batchIngestCommitsAllAndReportsDuplicates() async throws {
        let (store, dir) = try makeTempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = webhookBody(payload: "a"), b = webhookBody(payload: "b")
        let results = try await store.ingestWebhooks([
            .init(body: a, deliveryID: "a", receivedAt: t0), .init(body: b, deliveryID: "b", receivedAt: t0),
            .init(body: a, deliveryID: "a", receivedAt: t0),
        ])
        #expect(results.map { (try? $0.get()) } == [true, true, false])
        #expect(try store.deliveryCount() == 2)
    }

    @Test func signedPayloadResultCreditsIssuedTokenAndAccount() throws {
        let (store, dir) = try makeTempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        try store.savePayload(PayloadRecord(uuid: "p1", transactionType: "SignIn", txjson: "{}", created: t0))
        let user = try store.ingestPayloadResult(finalState(uuid: "p1", signed: true, issuedToken: "tok-9", account: "rSigner"),
                                                 userToken: nil, at: t0.addingTimeInterval(60))
        #expect(user?.userToken == "tok-9")
        #expect(user?.account == "rSigner")
        #expect(user?.lastSigned == t0) // resolved_at, not the ingest time
        #expect(user?.source == .payload)
        let p = try #require(try store.payload(uuid: "p1"))
        #expect(p.result?.outcome == .signed)
        #expect(p.result?.txid == "ABC")
        #expect(p.result?.signerAccount == "rSigner")
    }

    @Test func oneStatusEventIsRecordedWholeInOneCall() async throws {
        let (store, dir) = try makeTempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        try store.savePayload(PayloadRecord(uuid: "p1", transactionType: "SignIn", txjson: "{}", created: t0))
        let signedEvent = PayloadEvent(at: t0.addingTimeInterval(5), kind: .signed)
        // An intermediate event: timeline only, no user credited.
        let none = try await store.recordProgress(uuid: "p1", events: [PayloadEvent(at: t0, kind: .opened)], result: nil, final: nil,
                                                  userToken: "tok", at: t0)
        #expect(none == nil)
        let result = PayloadResult(outcome: .signed, txid: "ABC", resolvedAt: t0.addingTimeInterval(5))
        let user = try await store.recordProgress(uuid: "p1", events: [signedEvent], result: result,
                                            final: finalState(uuid: "p1", signed: true, issuedToken: "tok-9", account: "rSigner"),
                                            userToken: "tok", at: t0.addingTimeInterval(60))
        #expect(user?.userToken == "tok-9")
        #expect(user?.account == "rSigner")
        let p = try #require(try store.payload(uuid: "p1"))
        #expect(p.events.map(\.kind) == [.opened, .signed])
        #expect(p.result?.outcome == .signed)
        #expect(p.result?.signerAccount == "rSigner")
        // A payload PushDesk does not have: no timeline is invented, the signature still credits the user.
        let stranger = try await store.recordProgress(uuid: "zz", events: [signedEvent], result: result,
                                                final: finalState(uuid: "zz", signed: true, issuedToken: "tok-7", account: "rOther"),
                                                userToken: nil, at: t0)
        #expect(stranger?.userToken == "tok-7")
        #expect(try store.payload(uuid: "zz") == nil)
    }

    @Test func rejectedPayloadResultCreditsNobody() throws {
        let (store, dir) = try makeTempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        try store.upsertUser(.init(userToken: "tok"))
        let user = try store.ingestPayloadResult(finalState(uuid: "p1", signed: false, issuedToken: nil, account: nil), userToken: "tok", at: t0)
        #expect(user == nil)
        #expect(try store.user(token: "tok")?.lastSigned == nil)
    }

    @Test func verificationIsAuthoritativeAndIgnoresUnknownTokens() throws {
        let (store, dir) = try makeTempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        try store.upsertUser(.init(userToken: "live", tokenExpiration: t0.addingTimeInterval(30 * day)))
        try store.upsertUser(.init(userToken: "dead", lastSigned: t0))
        let n = try store.applyVerification([
            UserTokenStatus(userToken: "live", active: true, issued: 1_699_000_000, expires: 1_700_500_000),
            UserTokenStatus(userToken: "dead", active: false),
            UserTokenStatus(userToken: "stranger", active: true),
        ], at: t0)
        #expect(n == 2)
        let live = try #require(try store.user(token: "live"))
        #expect(live.tokenExpiration == Date(timeIntervalSince1970: 1_700_500_000)) // moved back: the platform said so
        #expect(live.verifiedActive == true)
        #expect(live.verifiedAt == t0)
        let dead = try #require(try store.user(token: "dead"))
        #expect(TokenAge(user: dead, now: t0.addingTimeInterval(day)).state == .revoked)
        #expect(try store.user(token: "stranger") == nil)
    }
}
