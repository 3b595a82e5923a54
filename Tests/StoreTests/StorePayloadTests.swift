import Domain
import Foundation
import Store
import Testing

@Suite("Payloads and their timelines")
struct StorePayloadTests {
    @Test func savesEventsResultAndCountsPushes() async throws {
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
        _ = try await store.recordProgress(uuid: "p1", events: [PayloadEvent(at: t0.addingTimeInterval(1), kind: .opened)],
                                           result: nil, final: nil, userToken: "tok", at: t0)
        // An event for a payload PushDesk does not have is ignored, not invented.
        _ = try await store.recordProgress(uuid: "unknown", events: [PayloadEvent(at: t0, kind: .opened)],
                                           result: nil, final: nil, userToken: nil, at: t0)
        #expect(try store.payload(uuid: "unknown") == nil)
        #expect(try store.unfinishedPayloads().map(\.uuid) == ["p1"])
        let result = PayloadResult(outcome: .signed, txid: "TX", dispatchedResult: "tesSUCCESS", resolvedAt: t0.addingTimeInterval(2))
        _ = try await store.recordProgress(uuid: "p1", events: [], result: result, final: nil, userToken: "tok", at: t0)
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
