import Foundation
import Testing

/// Issue 8, secrets: a run with a known API secret — the console live against `pushdesk simulator`,
/// `push`, `wait`, `users`, `ping`, a refused secret — then every log, the store files, the screen
/// captures and all command output are searched for it. And a config file holding the secret is
/// refused by the binary while group/other can read it.
@Suite("Reliability: secrets", .serialized,
       .enabled(if: TmuxSession.binary != nil && TmuxSession.tmuxAvailable, "needs `swift build` and tmux"))
struct ReliabilitySecretTests {
    let binary = TmuxSession.binary ?? "pushdesk"
    static let secret = SimulatorProcess.apiSecret

    /// The secret and the forms it is used in (HMAC key: first dash removed; all dashes removed).
    static var needles: [String] {
        var firstDashRemoved = secret
        firstDashRemoved.remove(at: secret.firstIndex(of: "-")!)
        return [secret, firstDashRemoved, secret.replacingOccurrences(of: "-", with: "")]
    }

    static func occurrences(in data: Data) -> Int {
        needles.reduce(0) { n, needle in
            var count = 0
            var range = data.startIndex..<data.endIndex
            while let r = data.range(of: Data(needle.utf8), in: range) { count += 1; range = r.upperBound..<data.endIndex }
            return n + count
        }
    }

    @Test func theSecretAppearsNowhere() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pd-secret-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let sim = try SimulatorProcess(binary: binary, timeScale: 0.3)
        let store = dir.appendingPathComponent("secret.sqlite").path
        let log = dir.appendingPathComponent("console.log").path
        var outputs: [(String, Data)] = []

        // A live store starts empty: the operator adds alice (as `users add` / `users import` would).
        let known = try await sim.tokens()
        let added = try PushDeskRun.run(binary, ["users", "add", try #require(known["alice"]), "--name", "alice", "--store", store])
        #expect(added.status == 0, "\(added.stderr)")
        outputs.append(("users add", Data((added.stdout + added.stderr).utf8)))

        // The console, live (credentials in its environment), pushing to alice until she signs.
        let tmux = try TmuxSession(width: 160, height: 45)
        defer { tmux.kill() }
        try tmux.type("XUMM_APIKEY=\(SimulatorProcess.apiKey) XUMM_APISECRET=\(Self.secret) XDG_CONFIG_HOME=\(dir.path) "
                      + "\(binary) --api-base \(sim.apiBase) --store \(store) --log-file \(log); clear; echo \"E\"\"ND\"")
        try tmux.key("Enter")
        try await tmux.waitFor { $0.contains("alice") }
        outputs.append(("screen: start", Data(try tmux.capture().utf8)))
        let tokens = try await sim.tokens()
        for command in [":user alice", ":template SignIn", ":push"] {
            try tmux.type(command)
            try tmux.key("Enter")
            try await Task.sleep(for: .milliseconds(300))
        }
        outputs.append(("screen: confirm", Data(try await tmux.waitFor { $0.contains("\"TransactionType\": \"SignIn\"") }.utf8)))
        try tmux.type("y")
        outputs.append(("screen: signed", Data(try await tmux.waitFor(timeout: 40) { $0.contains("signed") }.utf8)))
        try tmux.type("L")
        outputs.append(("screen: request log", Data(try tmux.capture().utf8)))
        try tmux.type("?")
        outputs.append(("screen: help", Data(try tmux.capture().utf8)))
        try tmux.key("Escape")
        // Wait out ESCDELAY so the next key is not read as Alt-q, then back out and quit.
        try await Task.sleep(for: .milliseconds(300))
        for _ in 0..<3 where !(try tmux.capture()).contains("END") {
            try tmux.type("q")
            try await Task.sleep(for: .milliseconds(500))
        }
        try await tmux.waitFor { $0.contains("END") }

        // Headless commands.
        let alice = try #require(tokens["alice"])
        let push = try PushDeskRun.run(binary, ["push", "--to", alice, "--template", "SignIn", "--json", "--wait", "--api-base", sim.apiBase, "--store", store])
        #expect(push.status == 0, "\(push.stderr)")
        let uuid = push.jsonLines.first?["uuid"] as? String ?? "none"
        var runs: [(String, PushDeskRun)] = [("push --wait", push)]
        runs.append(("wait", try PushDeskRun.run(binary, ["wait", uuid, "--json", "--api-base", sim.apiBase, "--store", store])))
        runs.append(("users", try PushDeskRun.run(binary, ["users", "--store", store])))
        runs.append(("ping", try PushDeskRun.run(binary, ["ping", "--api-base", sim.apiBase])))
        // The right key with a wrong secret: the refusal must not echo the secret it was given.
        var wrong = Self.secret
        wrong.removeLast(4)
        runs.append(("ping refused", try PushDeskRun.run(binary, ["ping", "--api-base", sim.apiBase], env: ["XUMM_APISECRET": wrong + "0000"])))
        #expect(runs.last?.1.status != 0)
        for (name, r) in runs {
            outputs.append(("\(name) stdout", Data(r.stdout.utf8)))
            outputs.append(("\(name) stderr", Data(r.stderr.utf8)))
        }
        let files = [log, store, store + "-wal", store + "-shm", store + "-journal"].filter { FileManager.default.fileExists(atPath: $0) }
        for f in files { outputs.append((f, try Data(contentsOf: URL(fileURLWithPath: f)))) }
        #expect(files.contains(log) && files.contains(store))

        let hits = outputs.filter { Self.occurrences(in: $0.1) > 0 }.map(\.0)
        let bytes = outputs.reduce(0) { $0 + $1.1.count }
        print("[reliability] secret search: sources=\(outputs.count) (screens, logs, store files, stdout/stderr of \(runs.count) commands) bytes=\(bytes) occurrences=\(hits.count)")
        #expect(hits.isEmpty, "the secret leaked into: \(hits)")
        // The search itself works: the needle is found where it is known to be.
        #expect(Self.occurrences(in: Data("x\(Self.secret)y".utf8)) >= 1)
    }

    @Test func aConfigFileOthersCanReadIsRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pd-config-\(UUID().uuidString)")
        let config = dir.appendingPathComponent("pushdesk/config.toml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "[xumm]\napi_key = \"\(SimulatorProcess.apiKey)\"\napi_secret = \"\(Self.secret)\"\napi_base = \"http://127.0.0.1:9\"\n"
            .write(to: config, atomically: true, encoding: .utf8)
        let env = ["XUMM_APIKEY": "", "XUMM_APISECRET": "", "XDG_CONFIG_HOME": dir.path]
        var refused = 0
        for mode in [0o644, 0o640, 0o604, 0o660] {
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: config.path)
            for args in [["ping"], ["push", "--to", "alice", "--template", "SignIn"], ["webhook", "serve", "--port", "0"]] {
                let r = try PushDeskRun.run(binary, args, env: env)
                #expect(r.status != 0, "\(args) with mode \(String(mode, radix: 8))")
                #expect(r.stderr.contains("refusing") && r.stderr.contains("chmod 600"), "\(args): \(r.stderr)")
                #expect(Self.occurrences(in: Data((r.stdout + r.stderr).utf8)) == 0)
                if r.status != 0 && r.stderr.contains("refusing") { refused += 1 }
            }
        }
        // At 0600 the same file is read: ping gets as far as the (unreachable) platform.
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: config.path)
        let ok = try PushDeskRun.run(binary, ["ping"], env: env)
        #expect(!ok.stderr.contains("refusing"), "\(ok.stderr)")
        #expect(Self.occurrences(in: Data((ok.stdout + ok.stderr).utf8)) == 0)
        print("[reliability] config file readable by group/other refused: \(refused) of 12 runs (3 commands × 4 modes)")
    }
}
