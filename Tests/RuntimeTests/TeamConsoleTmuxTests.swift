import Foundation
import PostgresTestSupport
import Store
import Testing
import WebhookInbox

/// Two real consoles under tmux on one PostgreSQL store, `pushdesk simulator` as the platform and a
/// webhook inbox on the same store: what an operator at each desk sees.
@Suite(.serialized, .enabled(if: TmuxSession.binary != nil && TmuxSession.tmuxAvailable, "needs `swift build` and tmux"))
struct TeamConsoleTmuxTests {
    let binary = TmuxSession.binary ?? ""

    @Test func twoConsolesOnOnePostgresStoreSeeEachOtherLiveAndTakeOverAKilledOnesPayload() async throws {
        try await PostgresTestServer.withDatabase { endpoint in
            try await Self.run(binary: binary, endpoint: endpoint)
        }
    }

    static func run(binary: String, endpoint: PostgresEndpoint) async throws {
        let url = "postgres://\(endpoint.username):\(endpoint.password ?? "")@\(endpoint.host):\(endpoint.port)/\(endpoint.database)"
        let store = try await PostgresStore.open(endpoint, maximumConnections: 2)
        // The service's inbox: the simulator's webhooks land in the shared store.
        let inbox = WebhookInbox(config: WebhookInboxConfig(apiSecret: SimulatorProcess.apiSecret), store: store)
        try await inbox.start()
        let sim = try SimulatorProcess(binary: binary, timeScale: 1, extra: ["--webhook-url", inbox.url])
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("pd-team-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: config) }
        let env = "env XDG_CONFIG_HOME=\(config.path) XUMM_APIKEY=\(SimulatorProcess.apiKey) XUMM_APISECRET=\(SimulatorProcess.apiSecret)"
        let a = try TmuxSession(width: 120, height: 35), b = try TmuxSession(width: 120, height: 35)
        defer { a.kill(); b.kill() }
        for (tmux, op) in [(a, "ann@desk1"), (b, "bob@desk2")] {
            try tmux.type("exec \(env) \(binary) --api-base \(sim.apiBase) --store '\(url)' --operator \(op)")
            try tmux.key("Enter")
            try await tmux.waitFor { $0.contains("Users 0") && $0.contains("no payloads yet") }
        }

        // A user signs in (the simulator's control API): her token reaches both consoles through the store.
        try await sim.control("POST", "/_sim/users", body: #"{"name":"zoe","after_seconds":3}"#)
        let tokens = try await sim.tokens()
        let zoe = try #require(tokens["zoe"])
        let shortToken = String(zoe.prefix(4))
        for tmux in [a, b] { try await tmux.waitFor { $0.contains("Users 1") && $0.contains(shortToken) } }

        // A pushes a SignIn to her: B sees it appear, pushed by ann, and its progress to signed.
        try Self.push(from: a)
        try await a.waitFor { $0.contains("pushed ✓ SignIn") }
        let live = try await b.waitFor { $0.contains("Payloads 1") && $0.contains("SignIn") && $0.contains("pushed by    ann@desk1") }
        #expect(live.contains("1 live") || live.contains("signed"))
        try await b.waitFor(timeout: 40) { $0.contains("Payloads 1 ─") && $0.contains("SIGNED") && $0.contains("tesSUCCESS") }

        // Zoe now takes 40 s; A pushes again and is killed: B takes the payload over once A's lease
        // has run out, and follows it to its final state in the store.
        try await sim.control("POST", "/_sim/users/zoe/behaviour", body: #"{"behaviour":"sign","after_seconds":40}"#)
        try Self.push(from: a)
        try await b.waitFor { $0.contains("Payloads 2 ─ 1 live") }
        let pid = try #require(try Self.consolePID(operator: "ann@desk1"))
        kill(pid, SIGKILL)
        let second = try #require(try await store.payloads(limit: 1).first)
        #expect(second.result == nil)
        var lease = try await store.claimLease(uuid: second.uuid, holder: "probe", until: Date(), now: Date.distantPast)
        #expect(lease.holder.hasPrefix("ann@desk1 pid "))
        for _ in 0..<300 where !lease.holder.hasPrefix("bob@desk2") {
            try await Task.sleep(for: .milliseconds(100))
            lease = try await store.claimLease(uuid: second.uuid, holder: "probe", until: Date(), now: Date.distantPast)
        }
        #expect(lease.holder.hasPrefix("bob@desk2 pid "))
        try await b.waitFor(timeout: 60) { $0.contains("Payloads 2 ──") && !$0.contains("1 live") }
        var stored = try await store.payload(uuid: second.uuid)
        for _ in 0..<100 where stored?.isFinal != true {
            try await Task.sleep(for: .milliseconds(100))
            stored = try await store.payload(uuid: second.uuid)
        }
        #expect(stored?.result?.outcome == .signed)
        try b.type("q")
        await inbox.stop()
        await store.close()
    }

    /// Enter on the Users cursor, the SignIn template, p, y.
    static func push(from tmux: TmuxSession) throws {
        try tmux.type("1")
        try tmux.key("Enter")
        try tmux.type(":template signin")
        try tmux.key("Enter")
        try tmux.type("p")
        Thread.sleep(forTimeInterval: 0.8)
        try tmux.type("y")
    }

    /// The pid of the console running as `op` (the binary itself, not the tmux server).
    static func consolePID(operator op: String) throws -> Int32? {
        for entry in try FileManager.default.contentsOfDirectory(atPath: "/proc") {
            guard let pid = Int32(entry),
                  let raw = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { continue }
            let args = raw.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            if args.first?.hasSuffix("/pushdesk") == true, args.contains("--operator"), args.last == op { return pid }
        }
        return nil
    }
}
