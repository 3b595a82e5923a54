import Foundation
import SimulatorTestSupport
import Store
import Testing
import Wiring
import XummPlatform
import XummSimulator

/// `Doctor.examine` against the real simulator over loopback HTTP: it passes where everything is
/// right and fails, naming the fix, for each thing an operator gets wrong.
@Suite(.serialized) struct DoctorLoopbackTests {
    typealias F = DoctorFixtures
    static let inbox = "http://127.0.0.1:8787/webhooks/xumm"

    /// A live setup against `h`: a config file (mode `mode`) naming the inbox on port 8787, credentials
    /// in the environment (`secret` by default the simulator's), and a fresh store.
    struct Live {
        let dir: URL
        let options: DoctorOptions
        init(_ h: SimHarness, secret: String = SimHarness.secret, configMode: Int = 0o600, configSecret: Bool = false, store: String? = nil) throws {
            dir = try F.folder()
            let config = dir.appendingPathComponent("config.toml").path
            var text = "[webhook]\nport = 8787\npath = \"/webhooks/xumm\"\n"
            if configSecret { text = "[xumm]\napi_key = \"\(SimHarness.key)\"\napi_secret = \"\(secret)\"\n" + text }
            try text.write(toFile: config, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: configMode], ofItemAtPath: config)
            let storePath = store ?? dir.appendingPathComponent("data/pushdesk.sqlite").path
            if store == nil { _ = try SQLiteStore(path: storePath) }
            var env = ["XDG_DATA_HOME": dir.appendingPathComponent("xdg").path]
            if !configSecret { env["XUMM_APIKEY"] = SimHarness.key; env["XUMM_APISECRET"] = secret }
            options = DoctorOptions(configPath: config, apiBase: h.sim.apiBaseURL, store: storePath, environment: env, terminal: F.goodTerminal)
        }
        func remove() { try? FileManager.default.removeItem(at: dir) }
    }

    @Test func theEmbeddedSimulatorPassesEveryCheck() async throws {
        let dir = try F.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = await Doctor.examine(DoctorOptions(environment: ["XDG_CONFIG_HOME": dir.path], terminal: F.goodTerminal))
        #expect(report.checks.allSatisfy { $0.status == .pass }, "\(report.text())")
        #expect(report.exitCode == 0)
        #expect(report.subject.hasPrefix("embedded simulator at 127.0.0.1:"))
        #expect(report.check("webhook_url")?.detail.contains("the embedded inbox") == true)
        #expect(report.check("store")?.detail.contains("demo store") == true)
    }

    @Test func aLiveSetupThatIsRightPasses() async throws {
        let h = try await SimHarness.start(webhookURL: Self.inbox)
        let live = try Live(h)
        defer { live.remove(); Task { await h.stop() } }
        let report = await Doctor.examine(live.options)
        #expect(report.checks.allSatisfy { $0.status == .pass }, "\(report.text())")
    }

    @Test func aWrongSecretIsNamedAndNeverPrinted() async throws {
        let h = try await SimHarness.start(webhookURL: Self.inbox)
        let wrong = "deadbeef-0000-4000-8000-wrongsecret1"
        let live = try Live(h, secret: wrong)
        defer { live.remove(); Task { await h.stop() } }
        let report = await Doctor.examine(live.options)
        let c = try #require(report.check("credentials"))
        #expect(c.status == .fail && c.detail.contains("Xumm error 813") && c.fix?.contains("XUMM_APIKEY / XUMM_APISECRET") == true, "\(c)")
        #expect(report.exitCode == 1)
        for output in [report.text(), report.text(unicode: false), report.jsonLines()] {
            #expect(!output.contains(wrong) && !output.contains(SimHarness.secret))
            #expect(!output.contains("wrongsecret"))
        }
    }

    @Test func aWebhookURLThatMissesTheInboxFails() async throws {
        let h = try await SimHarness.start(webhookURL: "https://old-host.example.com/hooks")
        let live = try Live(h)
        defer { live.remove(); Task { await h.stop() } }
        let report = await Doctor.examine(live.options)
        let c = try #require(report.check("webhook_url"))
        #expect(c.status == .fail)
        #expect(c.detail.contains("https://old-host.example.com/hooks") && c.detail.contains(Self.inbox))
        #expect(c.fix?.contains("set the application's webhook URL to \(Self.inbox)") == true)
        #expect(report.exitCode == 1)
    }

    @Test func aSkewedPlatformClockWarnsThenFails() async throws {
        let h = try await SimHarness.start(webhookURL: Self.inbox)
        let live = try Live(h)
        defer { live.remove(); Task { await h.stop() } }
        #expect(try await h.http("POST", "/_sim/clock", body: #"{"skew_seconds": 90}"#).status == 200)
        let warned = await Doctor.examine(live.options)
        #expect(warned.check("clock")?.status == .warn, "\(warned.text())")
        #expect(warned.exitCode == 0)
        #expect(try await h.http("POST", "/_sim/clock", body: #"{"skew_seconds": -420}"#).status == 200)
        let failed = await Doctor.examine(live.options)
        let c = try #require(failed.check("clock"))
        #expect(c.status == .fail && c.detail.contains("ahead of the platform's") && c.fix?.contains("timedatectl set-ntp true") == true, "\(c)")
        #expect(failed.exitCode == 1)
    }

    @Test func anUnreadableStoreFailsWithItsPath() async throws {
        let h = try await SimHarness.start(webhookURL: Self.inbox)
        defer { Task { await h.stop() } }
        let dir = try F.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let garbage = dir.appendingPathComponent("garbage.sqlite").path
        try Data(repeating: 0x5a, count: 8192).write(to: URL(fileURLWithPath: garbage))
        var stores = [garbage, dir.path]
        if getuid() != 0 {
            let locked = dir.appendingPathComponent("locked.sqlite").path
            _ = try SQLiteStore(path: locked)
            try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: locked)
            stores.append(locked)
        }
        for store in stores {
            let live = try Live(h, store: store)
            defer { live.remove() }
            let report = await Doctor.examine(live.options)
            let c = try #require(report.check("store"))
            #expect(c.status == .fail, "\(store): \(c)")
            #expect(c.detail.contains(store) && c.fix != nil, "\(c)")
            #expect(report.exitCode == 1)
        }
    }

    @Test func aConfigFileOthersCanReadFailsButTheRestIsStillChecked() async throws {
        let h = try await SimHarness.start(webhookURL: Self.inbox)
        let live = try Live(h, configMode: 0o644, configSecret: true)
        defer { live.remove(); Task { await h.stop() } }
        let report = await Doctor.examine(live.options)
        let c = try #require(report.check("config_file"))
        #expect(c.status == .fail && c.fix == "chmod 600 \(live.options.configPath!)", "\(c)")
        #expect(report.check("credentials")?.status == .pass, "the file's credentials are still tried: \(report.text())")
        #expect(report.exitCode == 1)
        #expect(!report.text().contains(SimHarness.secret) && !report.jsonLines().contains(SimHarness.secret))
    }

    @Test func anUnreachablePlatformIsSaidAsSuch() async throws {
        let dir = try F.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = await Doctor.examine(DoctorOptions(configPath: dir.appendingPathComponent("none.toml").path, apiBase: "http://127.0.0.1:9/api/v1/platform",
                                                        store: dir.appendingPathComponent("s.sqlite").path,
                                                        environment: ["XUMM_APIKEY": "k", "XUMM_APISECRET": "some-secret-value"], terminal: F.goodTerminal))
        let c = try #require(report.check("credentials"))
        #expect(c.status == .fail && c.detail.hasPrefix("cannot reach the platform at http://127.0.0.1:9/api/v1/platform"), "\(c)")
        #expect(!report.text().contains("some-secret-value"))
    }
}
