import AsyncHTTPClient
import Domain
import Foundation
import Logging
import NIOCore
import Runtime
import Service
import SimulatorTestSupport
import Store
import Testing
import XummPlatform

/// `pushdesk serve`'s parts in one process against the simulator over loopback and a real SQLite
/// file: the inbox records the platform's webhooks, the follower takes over a payload nobody
/// follows, `/metrics` counts what happened and `/healthz` says the store answers.
@Suite("Serve: inbox, follower, health and metrics", .serialized)
struct ServeTests {
    static let signIn = #"{"TransactionType":"SignIn"}"#

    @Test func aHeadlessPushIsFollowedToItsEndAndCounted() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pd-serve-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SQLiteStore(path: dir.appendingPathComponent("s.sqlite").path)
        let h = try await SimHarness.start(timeScale: 0.2)
        defer { Task { await h.stop() } }
        let metrics = ServiceMetrics()
        var settings = PushDeskServer.Settings()
        settings.port = 0
        settings.scanEvery = .milliseconds(200)
        let listening = AsyncStream<String>.makeStream()
        let server = PushDeskServer(settings: settings, store: store, storeName: "s.sqlite", platform: h.client, apiSecret: SimHarness.secret,
                                    operatorName: "serve@test", metrics: metrics,
                                    logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })) { listening.continuation.yield($0) }
        let running = Task { try await server.run(signals: []) }
        var iterator = listening.stream.makeAsyncIterator()
        let inboxURL = try #require(await iterator.next())
        await h.sim.setWebhookURL(inboxURL)
        let base = inboxURL.replacingOccurrences(of: "/webhooks/xumm", with: "")

        // A push without --wait: created, saved, followed by nobody.
        let alice = await h.token(of: "alice")
        let ops = PushService(client: h.client, store: store, operatorName: "dana@desk2")
        let record = try await ops.create(PushRequestSpec(txjsonText: Self.signIn, userToken: alice, userName: "alice", expireMinutes: 5))
        var stored = try await store.payload(uuid: record.uuid)
        for _ in 0..<600 where stored?.isFinal != true {
            try await Task.sleep(for: .milliseconds(50))
            stored = try await store.payload(uuid: record.uuid)
        }
        #expect(stored?.result?.outcome == .signed)

        // The platform's webhook for it landed; the counters say what happened.
        var deliveries = 0
        for _ in 0..<200 where deliveries == 0 {
            try await Task.sleep(for: .milliseconds(50))
            deliveries = try await store.deliveryCount()
        }
        let (status, text) = try await Self.get(base + "/metrics")
        #expect(status == 200)
        let samples = try PrometheusText.parse(text)
        #expect(samples["pushdesk_webhook_deliveries_total{outcome=\"accepted\"}"] == Double(deliveries))
        #expect(samples["pushdesk_payloads_final_total{outcome=\"signed\"}"] == 1)
        #expect(samples["pushdesk_store_up"] == 1)
        #expect(samples["pushdesk_webhook_ingest_seconds_count"] == Double(deliveries))
        #expect(!text.contains(SimHarness.secret))
        let (health, body) = try await Self.get(base + "/healthz")
        #expect(health == 200)
        #expect(body.contains(#""store":"up""#))

        // A forged delivery is refused and counted as such.
        var forged = HTTPClientRequest(url: inboxURL)
        forged.method = .POST
        forged.body = .bytes(ByteBuffer(string: #"{"meta":{}}"#))
        _ = try await HTTPClient.shared.execute(forged, timeout: .seconds(5))
        let after = try PrometheusText.parse(try await Self.get(base + "/metrics").1)
        #expect(after["pushdesk_webhook_deliveries_total{outcome=\"refused\"}"] == 1)

        // Graceful stop: run returns, the follower's leases are back.
        await server.shutdown()
        try await running.value
        #expect(try await store.unfollowedPayloads(now: Date(), limit: 10).isEmpty)
    }

    static func get(_ url: String) async throws -> (Int, String) {
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(5))
        let body = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), String(buffer: body))
    }
}

/// A small parser of the Prometheus text exposition format (0.0.4): `# HELP`/`# TYPE` comments and
/// `name{labels} value` samples. Throws on a line that is neither, so a malformed exposition fails.
enum PrometheusText {
    struct Malformed: Error, CustomStringConvertible { var line: String; var description: String { "not a sample: \(line)" } }

    /// Samples by `name{labels}` as written (labels in the exporter's order).
    static func parse(_ text: String) throws -> [String: Double] {
        var out: [String: Double] = [:]
        for raw in text.split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line.hasPrefix("#") {
                let parts = line.split(separator: " ", maxSplits: 3)
                guard parts.count >= 3, ["HELP", "TYPE"].contains(parts[1]) else { throw Malformed(line: line) }
                if parts[1] == "TYPE", !["counter", "gauge", "histogram", "summary", "untyped"].contains(parts.last.map(String.init) ?? "") {
                    throw Malformed(line: line)
                }
                continue
            }
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...].replacingOccurrences(of: "+Inf", with: "inf")) else {
                throw Malformed(line: line)
            }
            let key = String(line[..<space])
            guard key.range(of: #"^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="[^"]*",?)*\})?$"#, options: .regularExpression) != nil else {
                throw Malformed(line: line)
            }
            out[key] = value
        }
        return out
    }
}
