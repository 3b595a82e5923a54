import Foundation
import Testing

/// `pushdesk push` against `pushdesk simulator` (two real processes over loopback): each outcome and exit code.
@Suite(.serialized, .enabled(if: TmuxSession.binary != nil, "needs `swift build`"))
struct HeadlessPushTests {
    let binary = TmuxSession.binary ?? "pushdesk"

    func store() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("pd-headless-\(UUID().uuidString)/store.sqlite").path
    }

    func push(_ sim: SimulatorProcess, to: String, store: String, extra: [String] = ["--wait"]) throws -> PushDeskRun {
        try PushDeskRun.run(binary, ["push", "--to", to, "--template", "SignIn", "--json", "--api-base", sim.apiBase, "--store", store] + extra)
    }

    @Test func signedRejectedNotPushedAndExpiredExitCodes() async throws {
        let sim = try SimulatorProcess(binary: binary, timeScale: 0.2)
        let tokens = try await sim.tokens()
        let path = store()

        let signed = try push(sim, to: try #require(tokens["alice"]), store: path)
        #expect(signed.status == 0, "\(signed.stderr)")
        let lines = signed.jsonLines
        #expect(lines.first?["event"] as? String == "created")
        #expect(lines.first?["pushed"] as? Bool == true)
        #expect(lines.contains { $0["event"] as? String == "opened" })
        // The websocket's signed:true is printed as unconfirmed; "signed" only follows the GET, right before the final line.
        let kinds = lines.compactMap { $0["event"] as? String }
        let unconfirmed = try #require(kinds.firstIndex(of: "signed_unconfirmed"), "\(kinds)")
        let confirmed = try #require(kinds.firstIndex(of: "signed"), "\(kinds)")
        #expect(confirmed > unconfirmed && kinds.last == "final", "\(kinds)")
        let final = try #require(lines.last)
        #expect(final["outcome"] as? String == "signed")
        #expect((final["txid"] as? String)?.count == 64)
        #expect((final["account"] as? String)?.hasPrefix("r") == true)
        #expect(final["dispatched_result"] as? String == "tesSUCCESS")

        let rejected = try push(sim, to: try #require(tokens["bob"]), store: path)
        #expect(rejected.status == 3, "\(rejected.stderr)")
        #expect(rejected.jsonLines.last?["outcome"] as? String == "rejected")

        // grace's token expired long ago: created, not pushed, deep link printed, no waiting.
        let notPushed = try push(sim, to: try #require(tokens["grace"]), store: path)
        #expect(notPushed.status == 5)
        #expect(notPushed.jsonLines.first?["pushed"] as? Bool == false)
        #expect((notPushed.jsonLines.first?["next"] as? String)?.contains("/sign/") == true)

        // erin ignores pushes: with a 1-minute expiry (scaled by 0.2) the payload expires.
        let expired = try push(sim, to: try #require(tokens["erin"]), store: path, extra: ["--wait", "--expire", "1"])
        #expect(expired.status == 4, "\(expired.stderr)")
        #expect(expired.jsonLines.last?["outcome"] as? String == "expired")

        // Known users by name come from the store; an unknown name is a clear error.
        let unknown = try push(sim, to: "nobody-here", store: path)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no known user named nobody-here"))
    }

    /// The QR code `pushdesk push` prints for a not-pushed payload, drawn as a terminal would and read with
    /// zbarimg, is exactly the deep link it printed: in colour (forced with CLICOLOR_FORCE, as stdout is a
    /// pipe here) on light-on-dark and dark-on-light terminals, and with NO_COLOR on a light-on-dark one
    /// (on dark-on-light it is inverted: see `QRTerminalTests`).
    @Test func notPushedQRDecodesToTheDeepLink() async throws {
        guard TerminalQR.zbarimgAvailable() else { return }
        let sim = try SimulatorProcess(binary: binary)
        let grace = try #require(try await sim.tokens()["grace"])
        let path = store()
        for color in [true, false] {
            let env = color ? ["NO_COLOR": "", "CLICOLOR_FORCE": "1"] : ["NO_COLOR": "1", "CLICOLOR_FORCE": ""]
            let r = try PushDeskRun.run(binary, ["push", "--to", grace, "--template", "SignIn", "--api-base", sim.apiBase, "--store", path], env: env)
            #expect(r.status == 5, "\(r.stderr)")
            let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let intro = try #require(lines.firstIndex { $0.hasPrefix("not pushed — ") }, "\(r.stdout)")
            let link = lines[intro + 1]
            #expect(link.contains("/sign/"))
            let qr = Array(lines[(intro + 2)...].filter { !$0.isEmpty })
            #expect(qr.count > 10)
            #expect(qr.allSatisfy { $0.contains("\u{1B}[") } == color, "SGR colours only in colour mode")
            for theme in color ? [TerminalQR.Theme.dark, .light] : [.dark] {
                let pgm = TerminalQR.pgm(TerminalQR.cells(ansi: qr, theme: theme), theme: theme)
                #expect(try TerminalQR.decode(pgm) == link, "colour \(color), \(theme)")
            }
        }
    }

    @Test func aPayloadLeftMidLifeIsFinishedByANewProcess() async throws {
        let sim = try SimulatorProcess(binary: binary, timeScale: 0.5)
        let tokens = try await sim.tokens()
        let path = store()
        // The first process creates and leaves (as if it had crashed before the user signed).
        let created = try push(sim, to: try #require(tokens["alice"]), store: path, extra: [])
        #expect(created.status == 0)
        let uuid = try #require(created.jsonLines.first?["uuid"] as? String)
        // A new process re-attaches from the store and reaches the final state.
        let resumed = try PushDeskRun.run(binary, ["wait", uuid, "--json", "--api-base", sim.apiBase, "--store", path])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.jsonLines.last?["outcome"] as? String == "signed")
    }

    @Test func invalidTransactionIsRefusedBeforeAnythingIsSent() async throws {
        let sim = try SimulatorProcess(binary: binary)
        let tokens = try await sim.tokens()
        let tx = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).json")
        try #"{"TransactionType": "Payment", "Destination": "rBADADDRESS", "Amount": "1.5"}"#.write(to: tx, atomically: true, encoding: .utf8)
        let r = try PushDeskRun.run(binary, ["push", "--to", try #require(tokens["alice"]), "--tx", tx.path, "--api-base", sim.apiBase, "--store", store()])
        #expect(r.status == 1)
        #expect(r.stderr.contains("Destination"))
        #expect(r.stderr.contains("nothing was sent"))
    }
}
