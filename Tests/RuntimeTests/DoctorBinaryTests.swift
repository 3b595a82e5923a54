import Foundation
import Testing

/// The built `pushdesk` binary: `doctor` end to end, `--version`, shell completions.
@Suite(.serialized, .enabled(if: TmuxSession.binary != nil, "needs `swift build`"))
struct DoctorBinaryTests {
    /// No credentials (the run helper's are blanked) and no config file: the embedded simulator.
    static func embeddedEnv(_ dir: URL) -> [String: String] {
        ["XUMM_APIKEY": "", "XUMM_APISECRET": "", "XUMM_API_BASE": "", "XDG_CONFIG_HOME": dir.path,
         "XDG_DATA_HOME": dir.appendingPathComponent("data").path, "LANG": "C.UTF-8", "TERM": "xterm-256color"]
    }

    static func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pd-doctor-bin-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func doctorPassesOnTheEmbeddedSimulator() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try PushDeskRun.run(TmuxSession.binary!, ["doctor"], env: Self.embeddedEnv(dir))
        print("pushdesk doctor on the embedded simulator (exit \(run.status)):\n\(run.stdout)")
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        for label in ["credentials", "webhook url", "clock skew", "store", "config file", "locale", "terminal size", "colours"] {
            #expect(run.stdout.contains(label), "\(label) missing")
        }
        #expect(!run.stdout.contains("✗"))
        let json = try PushDeskRun.run(TmuxSession.binary!, ["doctor", "--json"], env: Self.embeddedEnv(dir))
        #expect(json.status == 0)
        let lines = json.jsonLines
        #expect(lines.count == 8 && lines.allSatisfy { ["pass", "warn"].contains($0["status"] as? String ?? "") }, "\(json.stdout)")
    }

    @Test func doctorFailsOnAWrongSecretWithoutPrintingIt() throws {
        let sim = try SimulatorProcess(binary: TmuxSession.binary!)
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let wrong = "eeeeeeee-9999-4aaa-8bbb-notthesecret"
        var env = Self.embeddedEnv(dir)
        env["XUMM_APIKEY"] = SimulatorProcess.apiKey
        env["XUMM_APISECRET"] = wrong
        let run = try PushDeskRun.run(TmuxSession.binary!, ["doctor", "--api-base", sim.apiBase, "--store", dir.appendingPathComponent("s.sqlite").path], env: env)
        print("pushdesk doctor with a wrong secret (exit \(run.status)):\n\(run.stdout)")
        #expect(run.status == 1)
        #expect(run.stdout.contains("✗ credentials") && run.stdout.contains("Xumm error 813"), "\(run.stdout)")
        #expect(!run.stdout.contains(wrong) && !run.stderr.contains(wrong) && !run.stdout.contains(SimulatorProcess.apiSecret))
    }

    @Test func versionAndCompletionScripts() throws {
        let version = try PushDeskRun.run(TmuxSession.binary!, ["--version"])
        #expect(version.status == 0 && version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.2.0", "\(version.stdout)")
        let bash = try PushDeskRun.run(TmuxSession.binary!, ["--generate-completion-script", "bash"])
        #expect(bash.status == 0)
        for sub in ["console", "push", "wait", "users", "webhook", "simulator", "ping", "doctor", "tx"] {
            #expect(bash.stdout.contains(sub), "bash completion lacks \(sub)")
        }
        #expect(bash.stdout.contains("--json") && bash.stdout.contains("complete"))
        for shell in ["zsh", "fish"] {
            let script = try PushDeskRun.run(TmuxSession.binary!, ["--generate-completion-script", shell])
            #expect(script.status == 0 && script.stdout.contains("doctor"), "\(shell)")
        }
    }
}
