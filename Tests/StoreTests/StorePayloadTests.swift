import Domain
import Foundation
import Store
import Testing

@Suite("Payloads and their timelines")
struct StorePayloadTests {
    @Test func savesEventsResultAndCountsPushes() throws {
        let (store, dir) = try makeTempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        try store.upsertUser(.init(userToken: "tok", name: "Alice"))
        var p = PayloadRecord(uuid: "p1", identifier: "pd-1", userToken: "tok", userName: "Alice", transactionType: "Payment",
                              txjson: #"{"TransactionType":"Payment"}"#, expireMinutes: 5, instruction: "please",
                              created: t0, events: [PayloadEvent(at: t0, kind: .created)], operatorName: "op")
        try store.savePayload(p)
        p.pushed = true
        p.deepLink = "https://xumm.app/sign/p1"
        try store.savePayload(p)
        try store.savePayload(p) // idempotent: not counted twice
        #expect(try store.user(token: "tok")?.pushCount == 1)
        #expect(try store.appendEvent(uuid: "p1", PayloadEvent(at: t0.addingTimeInterval(1), kind: .opened)))
        #expect(try store.appendEvent(uuid: "unknown", PayloadEvent(at: t0, kind: .opened)) == false)
        #expect(try store.unfinishedPayloads().map(\.uuid) == ["p1"])
        let result = PayloadResult(outcome: .signed, txid: "TX", dispatchedResult: "tesSUCCESS", resolvedAt: t0.addingTimeInterval(2))
        #expect(try store.setResult(uuid: "p1", result))
        #expect(try store.unfinishedPayloads().isEmpty)
        let loaded = try #require(try store.payloads(limit: 10).first)
        #expect(loaded.events.map(\.kind) == [.created, .opened])
        #expect(loaded.result == result)
        #expect(loaded.pushed == true)
        #expect(loaded.deepLink == "https://xumm.app/sign/p1")
        #expect(loaded.stateLabel == "signed")
        var expected = p
        expected.events = loaded.events
        expected.result = result
        #expect(loaded == expected)
    }

    @Test func newestFirstWithLimit() throws {
        let (store, dir) = try makeTempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        for i in 0..<5 {
            try store.savePayload(PayloadRecord(uuid: "p\(i)", transactionType: "SignIn", txjson: "{}", created: t0.addingTimeInterval(Double(i))))
        }
        #expect(try store.payloads(limit: 2).map(\.uuid) == ["p4", "p3"])
    }
}
