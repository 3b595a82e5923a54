import Foundation
import Testing

/// `pushdesk notify` and the ledger outcome on `push --wait --json`, against `pushdesk simulator`.
@Suite(.serialized, .enabled(if: TmuxSession.binary != nil, "needs `swift build`"))
struct HeadlessNotifyTests {
    let binary = TmuxSession.binary ?? "pushdesk"

    func store() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("pd-notify-\(UUID().uuidString)/store.sqlite").path
    }

    func notify(_ sim: SimulatorProcess, _ args: [String], store: String) throws -> PushDeskRun {
        try PushDeskRun.run(binary, ["notify", "--api-base", sim.apiBase, "--store", store] + args)
    }

    @Test func notifyPushesOrSaysWhyNotWithExitCodesAndAudit() async throws {
        let sim = try SimulatorProcess(binary: binary, extra: ["--xapp"])
        let tokens = try await sim.tokens()
        let path = store()
        let alice = try #require(tokens["alice"]), grace = try #require(tokens["grace"])

        let pushed = try notify(sim, ["--to", alice, "--body", "Please open our xApp", "--json"], store: path)
        #expect(pushed.status == 0, "\(pushed.stderr)")
        #expect(pushed.jsonLines.first?["pushed"] as? Bool == true)
        #expect(pushed.jsonLines.first?["uuid"] is NSNull)

        let event = try notify(sim, ["--to", alice, "--body", "Card ready", "--event", "--silent", "--data", #"{"card":1}"#, "--json"], store: path)
        #expect(event.status == 0, "\(event.stderr)")
        #expect((event.jsonLines.first?["uuid"] as? String)?.count == 36)

        let lapsed = try notify(sim, ["--to", grace, "--body", "hello"], store: path)
        #expect(lapsed.status == 5)
        #expect(lapsed.stdout.contains("not pushed") && lapsed.stdout.contains("expired or revoked"))

        let badData = try notify(sim, ["--to", alice, "--body", "x", "--data", #"{"a":"#], store: path)
        #expect(badData.status == 1)
        #expect(badData.stderr.contains("data is not JSON at 1:6"), "\(badData.stderr)")

        let audit = try PushDeskRun.run(binary, ["audit", "--json", "--store", path])
        let actions = (try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [[String: Any]])?.compactMap { $0["action"] as? String }
        #expect(actions == ["notify", "notify-event", "notify"], "\(audit.stdout)")
    }

    @Test func withoutAnXAppThePlatformsRefusalIsExplained() async throws {
        let sim = try SimulatorProcess(binary: binary)
        let alice = try #require(try await sim.tokens()["alice"])
        let r = try notify(sim, ["--to", alice, "--body", "hi"], store: store())
        #expect(r.status == 1)
        #expect(r.stderr.contains("xApp push and event need an xApp set up for this application"), "\(r.stderr)")
        #expect(r.stderr.contains("reference"), "the platform's reference is kept: \(r.stderr)")
    }

    @Test func aSignedPaymentsFinalLineCarriesBalanceChangesAndTheDeliveredAmount() async throws {
        let sim = try SimulatorProcess(binary: binary, timeScale: 0.2)
        let alice = try #require(try await sim.tokens()["alice"])
        let bob = "rsve2Xb5UkL2TxKJivLPWcwFqX1cuW3AFx"
        let tx = FileManager.default.temporaryDirectory.appendingPathComponent("pd-pay-\(UUID().uuidString).json")
        try #"{"TransactionType":"Payment","Destination":"\#(bob)","Amount":"1000000"}"#.write(to: tx, atomically: true, encoding: .utf8)
        let r = try PushDeskRun.run(binary, ["push", "--to", alice, "--tx", tx.path, "--wait", "--json", "--api-base", sim.apiBase, "--store", store()])
        #expect(r.status == 0, "\(r.stderr)")
        let final = try #require(r.jsonLines.last)
        #expect(final["delivered_amount"] as? String == "1 XRP")
        #expect(final["validated"] as? Bool == true)
        let changes = try #require(final["balance_changes"] as? [[String: Any]])
        #expect(changes.contains { $0["account"] as? String == bob && $0["value"] as? String == "1" && $0["currency"] as? String == "XRP" })
        #expect(changes.contains { $0["account"] as? String == "rhjYCcdpwivemwgDXnVMLASkChgArZ1UaQ" && $0["value"] as? String == "-1.000012" })
    }
}
