import Domain
import Foundation
import Testing
@testable import Runtime
import XummPlatform

struct PayloadProgressTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func record() -> PayloadRecord {
        PayloadRecord(uuid: "u1", userToken: "tok", transactionType: "SignIn", txjson: #"{"TransactionType":"SignIn"}"#, created: t0, pushed: true)
    }

    func signedPayload(opened: Bool = true) -> XummPayload {
        XummPayload(meta: PayloadMeta(uuid: "u1", resolved: true, signed: true, pushed: true, appOpened: opened),
                    application: PayloadApplication(name: "A", uuidv4: "app", issuedUserToken: "tok-2"),
                    payload: PayloadDetails(txType: "SignIn", requestJSON: .object([:]), createdAt: "", expiresAt: "", expiresInSeconds: 100),
                    response: PayloadResponse(txid: String(repeating: "A", count: 64), resolvedAt: "2027-01-15T08:00:00.000Z",
                                              dispatchedResult: "tesSUCCESS", dispatchedNodetype: "TESTNET", account: "rAcc"),
                    customMeta: nil)
    }

    @Test func timelineFollowsMessagesOnceEach() {
        var r = record()
        #expect(PayloadProgress.apply(.message(.welcome(uuid: "u1")), to: &r, at: t0) == false)
        #expect(PayloadProgress.apply(.message(.expiresIn(seconds: 300)), to: &r, at: t0) == false)
        #expect(PayloadProgress.apply(.message(.opened), to: &r, at: t0 + 1))
        #expect(PayloadProgress.apply(.message(.opened), to: &r, at: t0 + 2) == false)
        #expect(PayloadProgress.apply(.message(.dispatched), to: &r, at: t0 + 3))
        #expect(r.events.map(\.kind) == [.opened, .dispatched])
        #expect(r.stateLabel == "dispatched")
        #expect(r.isFinal == false)
    }

    @Test func finalGetIsAuthoritative() {
        var r = record()
        // The websocket said signed, but only the GET sets the result.
        PayloadProgress.apply(.message(.resolved(.init(payloadUUID: "u1", referenceCallUUID: nil, signed: true, userToken: true, txid: "X"))), to: &r, at: t0)
        #expect(r.result == nil)
        #expect(r.events.map(\.kind) == [.signedUnconfirmed])
        #expect(r.stateLabel == "signed?")
        #expect(PayloadProgress.apply(.final(PayloadFinalState(payload: signedPayload())), to: &r, at: t0 + 5))
        #expect(r.result?.outcome == .signed)
        #expect(r.result?.txid?.count == 64)
        #expect(r.result?.network == "TESTNET")
        #expect(r.result?.signerAccount == "rAcc")
        #expect(r.result?.issuedUserToken == "tok-2")
        #expect(r.stateLabel == "signed")
        // Applying the same final again changes nothing (webhook + websocket paths converge).
        #expect(PayloadProgress.apply(.final(PayloadFinalState(payload: signedPayload())), to: &r, at: t0 + 6) == false)
        #expect(r.events.filter { $0.kind == .signed }.count == 1)
    }

    @Test func websocketSignedIsOnlyTheWebsocketsWordUntilTheGet() {
        var r = record()
        let said = StatusMessage.resolved(.init(payloadUUID: "u1", referenceCallUUID: nil, signed: true, userToken: true, txid: "X"))
        #expect(PayloadProgress.apply(.message(said), to: &r, at: t0))
        #expect(PayloadProgress.apply(.message(said), to: &r, at: t0 + 1) == false)
        #expect(!r.events.contains { $0.kind == .signed })
        #expect(r.unconfirmedResolution == .signedUnconfirmed && !r.isFinal)
        // The GET says the user rejected it: that is what the record ends as.
        var p = signedPayload()
        p.meta.signed = false
        #expect(PayloadProgress.apply(.final(PayloadFinalState(payload: p)), to: &r, at: t0 + 2))
        #expect(r.result?.outcome == .rejected)
        #expect(r.events.map(\.kind) == [.signedUnconfirmed, .opened, .rejected])
        #expect(r.stateLabel == "rejected" && r.unconfirmedResolution == nil)
        // A websocket rejection is unconfirmed too.
        var q = record()
        let no = StatusMessage.resolved(.init(payloadUUID: "u1", referenceCallUUID: nil, signed: false, userToken: false, txid: nil))
        PayloadProgress.apply(.message(no), to: &q, at: t0)
        #expect(q.events.map(\.kind) == [.rejectedUnconfirmed] && q.stateLabel == "rejected?")
    }

    @Test func catchUpAfterReconnectAddsWhatWasMissed() {
        var r = record()
        var p = signedPayload()
        p.meta.signed = false; p.meta.resolved = false
        #expect(PayloadProgress.apply(.connected(attempt: 2), to: &r, at: t0))
        #expect(PayloadProgress.apply(.caughtUp(p), to: &r, at: t0))
        #expect(r.events.map(\.kind) == [.reconnected, .opened])
        #expect(PayloadProgress.apply(.connected(attempt: 1), to: &r, at: t0) == false)
    }

    @Test func pendingFinalLeavesTheRecordOpen() {
        var r = record()
        var p = signedPayload()
        p.meta = PayloadMeta(uuid: "u1")
        #expect(PayloadProgress.apply(.final(PayloadFinalState(payload: p)), to: &r, at: t0) == false)
        #expect(r.result == nil)
        #expect(PayloadProgress.apply(.failed("gave up"), to: &r, at: t0))
        #expect(r.events.last?.kind == .error)
    }
}
