import Foundation
import Testing

/// The real binary under tmux against the embedded simulator: what an operator sees.
@Suite(.serialized, .enabled(if: TmuxSession.binary != nil && TmuxSession.tmuxAvailable, "needs `swift build` and tmux"))
struct ConsoleEndToEndTests {
    let binary = TmuxSession.binary ?? "pushdesk"

    @Test func pushSignInToAliceShowsPushedThenSignedAndRenewsHerToken() async throws {
        let tmux = try TmuxSession(width: 120, height: 35)
        defer { tmux.kill() }
        try tmux.type("\(binary) --time-scale 0.5 ; stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo \"E\"\"ND\"")
        try tmux.key("Enter")
        try await tmux.waitFor { $0.contains("SIMULATOR") && $0.contains("alice") }
        for command in [":user alice", ":template SignIn", ":push"] {
            try tmux.type(command)
            try tmux.key("Enter")
            try await Task.sleep(for: .milliseconds(300))
        }
        let confirm = try await tmux.waitFor { $0.contains("\"TransactionType\": \"SignIn\"") && $0.contains("alice") && $0.contains("y") }
        #expect(confirm.contains("SignIn"))
        try tmux.type("y")
        try await tmux.waitFor { $0.contains("pushed") }
        let signed = try await tmux.waitFor(timeout: 40) { $0.contains("signed") && $0.range(of: "[0-9A-F]{16}", options: .regularExpression) != nil }
        // Alice's token renewed: 30 days left again (29d and some hours, as the column floors).
        let aliceRow = signed.split(separator: "\n").first { $0.contains("alice") && ($0.contains(" 29d ") || $0.contains(" 30d ")) }
        #expect(aliceRow != nil, "alice's row does not show 30d left:\n\(signed)")
        // The request log: the resolution cost one GET /payload/{uuid} (the websocket's word is not trusted alone).
        try tmux.type("L")
        let log = try await tmux.waitFor { $0.contains("Request log") && $0.contains("POST") }
        let gets = log.split(separator: "\n").filter { $0.range(of: #"GET +200 .*/payload/[0-9a-f]{8}-[0-9a-f]{4}"#, options: .regularExpression) != nil }
        #expect(gets.count == 1, "expected one GET /payload/{uuid}:\n\(log)")
        try tmux.type("L")
        try tmux.type("q")
        let after = try await tmux.waitFor { $0.contains("END") }
        #expect(after.contains("icanon echo"), "terminal not restored:\n\(after)")
    }

    @Test func revokedHeidiIsShownRevokedSoonAfterStartWithoutAKeyPress() async throws {
        let tmux = try TmuxSession(width: 120, height: 35)
        defer { tmux.kill() }
        try tmux.type("\(binary)")
        try tmux.key("Enter")
        // The estimate alone says heidi has 26 days left; the platform says her token is inactive.
        let screen = try await tmux.waitFor(timeout: 15) { s in
            s.split(separator: "\n").contains { $0.contains("heidi") && $0.contains("revoked") } && s.contains("tokens checked")
        }
        #expect(screen.contains("no longer active (grace, heidi)"), "\(screen)")
        let alice = screen.split(separator: "\n").first { $0.contains("alice") }
        #expect(alice?.contains("active") == true, "alice: the platform's word, not the estimate's:\n\(screen)")
        try tmux.type("q")
    }

    @Test func tooSmallWindowSaysSoAndQStillQuits() async throws {
        let tmux = try TmuxSession(width: 120, height: 35)
        defer { tmux.kill() }
        try tmux.type("\(binary) ; stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo \"E\"\"ND\"")
        try tmux.key("Enter")
        try await tmux.waitFor { $0.contains("SIMULATOR") }
        try tmux.resize(width: 60, height: 15)
        try await tmux.waitFor { $0.contains("terminal too small (have 60×15, need 80×24)") }
        try tmux.resize(width: 120, height: 35)
        try await tmux.waitFor { $0.contains("SIMULATOR") && !$0.contains("terminal too small") }
        try tmux.resize(width: 60, height: 15)
        try await tmux.waitFor { $0.contains("terminal too small") }
        try tmux.type("q")
        let after = try await tmux.waitFor { $0.contains("END") }
        #expect(after.contains("icanon echo"), "terminal not restored:\n\(after)")
    }

    /// The real terminal path: the console asks for mouse events (SGR), a click on a Users row
    /// selects it, the wheel moves three rows; with --no-mouse the terminal keeps the mouse.
    @Test func clicksAndTheWheelReachTheConsoleUnlessNoMouse() async throws {
        let tmux = try TmuxSession(width: 120, height: 35)
        defer { tmux.kill() }
        try tmux.type("\(binary)")
        try tmux.key("Enter")
        try await tmux.waitFor { $0.contains("tokens checked") }
        #expect(try tmux.format("#{mouse_any_flag}") == "1")
        // Screen row 6 (1-based) is the Users list's third row.
        try tmux.type("\u{1B}[<0;10;6M")
        try tmux.type("\u{1B}[<0;10;6m")
        let third = try await tmux.waitFor { screen in screen.contains("Enter choose target") }
        let name = try #require(third.split(separator: "\n")[5].split(separator: " ").dropFirst().first.map(String.init))
        try tmux.key("Enter")
        try await tmux.waitFor { $0.contains("To: \(name)") }
        try tmux.type("\u{1B}[<65;10;6M")
        try tmux.type("q")
        try await tmux.waitFor { !$0.contains("PushDesk") }
        #expect(try tmux.format("#{mouse_any_flag}") == "0")
        try tmux.type("\(binary) --no-mouse")
        try tmux.key("Enter")
        try await tmux.waitFor { $0.contains("tokens checked") }
        #expect(try tmux.format("#{mouse_any_flag}") == "0")
        try tmux.type("q")
    }
}
