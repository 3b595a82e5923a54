import Foundation
import Testing

/// Issue 8, terminal: the console under tmux is hit by SIGTERM, SIGINT, SIGHUP and two forced
/// crashes (SIGSEGV, SIGABRT); after each, the shell's terminal is usable (`stty -a` shows
/// `icanon echo`).
@Suite("Reliability: terminal restored after signals", .serialized,
       .enabled(if: TmuxSession.binary != nil && TmuxSession.tmuxAvailable, "needs `swift build` and tmux"))
struct ReliabilityTerminalTests {
    let binary = TmuxSession.binary ?? "pushdesk"
    static let signals: [(String, Int32)] = [("SIGTERM", SIGTERM), ("SIGINT", SIGINT), ("SIGHUP", SIGHUP), ("SIGSEGV", SIGSEGV), ("SIGABRT", SIGABRT)]

    @Test func everySignalLeavesAUsableTerminal() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pd-term-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var restored: [String] = []
        for (name, sig) in Self.signals {
            let tmux = try TmuxSession(width: 120, height: 35)
            defer { tmux.kill() }
            let pidFile = dir.appendingPathComponent("\(name).pid").path
            let store = dir.appendingPathComponent("\(name).sqlite").path
            // `exec` keeps the pid; core dumps off so the forced crashes end quickly.
            try tmux.type("ulimit -c 0; bash -c 'echo $$ > \(pidFile); exec \(binary) --store \(store) --time-scale 0.5'; "
                          + "stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo \"E\"\"ND\"")
            try tmux.key("Enter")
            try await tmux.waitFor { $0.contains("SIMULATOR") && $0.contains("alice") }
            let pid = try #require(Int32(String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
            #expect(kill(pid, sig) == 0)
            let after = try await tmux.waitFor { $0.contains("END") }
            let ok = after.contains("icanon echo")
            #expect(ok, "\(name): terminal not restored:\n\(after)")
            if ok { restored.append(name) }
            // The shell still takes input and echoes it.
            try tmux.type("echo us\"\"able-\(name)")
            try tmux.key("Enter")
            try await tmux.waitFor { $0.contains("usable-\(name)") }
        }
        print("[reliability] terminal restored after signal: \(restored.count) of \(Self.signals.count) (\(restored.joined(separator: ", ")))")
        #expect(restored.count == Self.signals.count)
    }
}
