import AsyncHTTPClient
import Foundation
import PostgresTestSupport
import Store
import Testing
import Domain

/// `pushdesk serve` as real processes: two replicas on one PostgreSQL store, `pushdesk simulator`
/// as the platform and `pushdesk push` without `--wait` as the pusher.
@Suite(.serialized, .enabled(if: TmuxSession.binary != nil, "needs `swift build`"))
struct ServeProcessTests {
    let binary = TmuxSession.binary ?? ""

    @Test func replicasFollowHeadlessPushesTakeOverAKilledOneAndReportTheStoreDown() async throws {
        try await PostgresTestServer.withDatabase { endpoint in
            try await Self.run(binary: binary, endpoint: endpoint)
        }
    }

    static func run(binary: String, endpoint: PostgresEndpoint) async throws {
        let url = "postgres://\(endpoint.username):\(endpoint.password ?? "")@\(endpoint.host):\(endpoint.port)/\(endpoint.database)"
        let inboxPort = try FreePort.take()
        let sim = try SimulatorProcess(binary: binary, timeScale: 1, extra: ["--webhook-url", "http://127.0.0.1:\(inboxPort)/webhooks/xumm"])
        let r1 = try ServeReplica(binary: binary, store: url, apiBase: sim.apiBase, port: inboxPort, name: "serve@r1")
        let r2 = try ServeReplica(binary: binary, store: url, apiBase: sim.apiBase, port: 0, name: "serve@r2")
        defer { r1.kill(); r2.kill() }
        let store = try await PostgresStore.open(endpoint, maximumConnections: 2)
        let alice = try #require(try await sim.tokens()["alice"])
        _ = try await store.upsertUsers([KnownUser(userToken: alice, name: "alice", lastSigned: Date(), source: .import)])
        // alice signs 20 s after each push: the payloads are live when r1 is killed.
        try await sim.control("POST", "/_sim/users/alice/behaviour", body: #"{"behaviour":"sign","after_seconds":20}"#)

        var uuids: [String] = []
        for _ in 0..<3 {
            let push = try PushDeskRun.run(binary, ["push", "--store", url, "--api-base", sim.apiBase, "--to", "alice", "--template", "signin",
                                                    "--json", "--operator", "dana@desk2"])
            #expect(push.status == 0, "\(push.stderr)")
            uuids += push.jsonLines.compactMap { $0["uuid"] as? String }
        }
        #expect(uuids.count == 3)
        // Both replicas look for unfollowed payloads every 2 s: each payload gets one of them.
        var holders: [String: String] = [:]
        for _ in 0..<100 where holders.count < 3 {
            try await Task.sleep(for: .milliseconds(100))
            for u in uuids { holders[u] = try await Self.holder(store, u) }
        }
        #expect(holders.count == 3)
        #expect(holders.values.allSatisfy { $0.hasPrefix("serve@r1 pid ") || $0.hasPrefix("serve@r2 pid ") })

        // SIGKILL the replica following the first payload, mid-follow: the other takes it over
        // once its lease runs out (about 15 s), while alice has not signed yet.
        let first = try #require(holders[uuids[0]])
        let (victim, survivor, survivorName) = first.hasPrefix("serve@r1") ? (r1, r2, "serve@r2") : (r2, r1, "serve@r1")
        victim.kill()
        var takenOver = false
        for _ in 0..<250 where !takenOver {
            try await Task.sleep(for: .milliseconds(100))
            takenOver = try await Self.holder(store, uuids[0])?.hasPrefix(survivorName) == true
        }
        #expect(takenOver)
        #expect(try await store.payload(uuid: uuids[0])?.isFinal == false)
        var all: [PayloadRecord] = []
        for _ in 0..<600 {
            all = try await uuids.asyncMap { try await store.payload(uuid: $0) }.compactMap { $0 }
            if all.count == 3, all.allSatisfy(\.isFinal) { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(all.map { $0.result?.outcome } == [.signed, .signed, .signed])

        // The store goes away (connections refused) and comes back: /healthz follows it.
        #expect(try await Self.status(survivor.base + "/healthz") == 200)
        try await PostgresTestServer.adminQuery(try PostgresTestServer.admin().get(), "ALTER DATABASE \(endpoint.database) ALLOW_CONNECTIONS false")
        try await PostgresTestServer.adminQuery(try PostgresTestServer.admin().get(),
                                                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(endpoint.database)' AND pid <> pg_backend_pid()")
        var down = 0
        for _ in 0..<100 where down != 503 { try await Task.sleep(for: .milliseconds(100)); down = try await Self.status(survivor.base + "/healthz") }
        #expect(down == 503)
        try await PostgresTestServer.adminQuery(try PostgresTestServer.admin().get(), "ALTER DATABASE \(endpoint.database) ALLOW_CONNECTIONS true")
        var up = 0
        for _ in 0..<100 where up != 200 { try await Task.sleep(for: .milliseconds(100)); up = try await Self.status(survivor.base + "/healthz") }
        #expect(up == 200)

        // SIGTERM: a graceful stop, exit 0.
        #expect(survivor.terminate() == 0)
        await store.close()
    }

    static func holder(_ store: PostgresStore, _ uuid: String) async throws -> String? {
        let probe = try await store.claimLease(uuid: uuid, holder: "probe", until: Date.distantPast, now: Date.distantPast)
        return probe.isHeld(by: "probe") ? nil : probe.holder
    }

    static func status(_ url: String) async throws -> Int {
        guard let response = try? await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(5)) else { return 0 }
        return Int(response.status.code)
    }
}

/// One `pushdesk serve` child process; its first line of standard output is the inbox URL.
final class ServeReplica: Sendable {
    let process: Process
    let base: String

    init(binary: String, store: String, apiBase: String, port: Int, name: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = ["serve", "--store", store, "--api-base", apiBase, "--port", String(port), "--operator", name, "--log-level", "warning"]
        p.environment = ["XUMM_APIKEY": SimulatorProcess.apiKey, "XUMM_APISECRET": SimulatorProcess.apiSecret, "PATH": "/usr/bin:/bin",
                         "XDG_CONFIG_HOME": FileManager.default.temporaryDirectory.appendingPathComponent("pd-noconfig").path]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        process = p
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let n = read(out.fileHandleForReading.fileDescriptor, &byte, 1)
            if n < 0, errno == EINTR { continue }
            if n <= 0 || byte == UInt8(ascii: "\n") { break }
            bytes.append(byte)
        }
        let line = String(decoding: bytes, as: UTF8.self)
        guard line.hasPrefix("http://") else {
            p.terminate()
            throw NSError(domain: "ServeReplica", code: 1, userInfo: [NSLocalizedDescriptionKey: "serve printed no URL: \(line)"])
        }
        base = line.replacingOccurrences(of: "/webhooks/xumm", with: "")
    }

    func kill() { if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL); process.waitUntilExit() } }

    /// SIGTERM, then the exit status.
    func terminate() -> Int32 { process.terminate(); process.waitUntilExit(); return process.terminationStatus }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var out: [T] = []
        for e in self { out.append(try await transform(e)) }
        return out
    }
}
