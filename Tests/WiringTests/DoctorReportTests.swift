import Foundation
import Store
import Testing
@testable import Wiring
import XummPlatform

/// The judgement of `pushdesk doctor`, from plain facts: every ✗ names what to do.
@Suite struct DoctorReportTests {
    typealias F = DoctorFixtures

    @Test func allGoodPassesEveryCheckAndExitsZero() {
        let report = DoctorReport(facts: F.facts())
        #expect(report.checks.map(\.name) == ["credentials", "webhook_url", "clock", "store", "config_file", "locale", "terminal_size", "colours"])
        #expect(report.checks.allSatisfy { $0.status == .pass && $0.fix == nil }, "\(report.text())")
        #expect(report.exitCode == 0)
        #expect(report.text().hasSuffix("8 passed\n"))
    }

    @Test func refusedCredentialsNameError813AndTheFix() {
        let report = DoctorReport(facts: F.facts(answer: .credentialsRefused(reference: "ref-1"), skew: 1))
        let c = report.check("credentials")!
        #expect(c.status == .fail)
        #expect(c.detail.contains("813") && c.detail.contains("invalid key/secret") && c.detail.contains("ref-1"))
        #expect(c.fix?.contains("Xumm developer console") == true && c.fix?.contains("config.toml") == true)
        #expect(report.check("webhook_url")?.status == .skipped)
        // The clock is still read from the refusal's Date header.
        #expect(report.check("clock")?.status == .pass)
        #expect(report.exitCode == 1)
        #expect(report.text().contains("fix: copy this application's API key and secret"))
    }

    @Test func anUnreachablePlatformIsSaidAsSuch() {
        let report = DoctorReport(facts: F.facts(answer: .unreachable(reason: "connection refused"), skew: nil))
        #expect(report.check("credentials")?.detail == "cannot reach the platform at https://xumm.app/api/v1/platform: connection refused")
        #expect(report.check("credentials")?.fix?.contains("--api-base") == true)
        #expect(report.check("clock")?.status == .skipped)
        #expect(report.failed)
    }

    @Test func noCredentialsWithAnAPIBaseFails() {
        let c = DoctorReport(facts: F.facts(answer: .noCredentials, skew: nil)).check("credentials")!
        #expect(c.status == .fail && c.fix?.contains("XUMM_APIKEY and XUMM_APISECRET") == true)
    }

    @Test func webhookURLMismatchNamesBothURLsAndWhatToSet() {
        let bound = InboxFacts(url: "http://desk.example.com:8787/webhooks/xumm", source: .bindAddress)
        let c = DoctorReport(facts: F.facts(answer: .pong(applicationName: "Desk", webhookURL: "https://old.example.com/hook"), inbox: bound)).check("webhook_url")!
        #expect(c.status == .fail)
        #expect(c.detail == "the application posts webhooks to https://old.example.com/hook, but this config's inbox is http://desk.example.com:8787/webhooks/xumm")
        #expect(c.fix?.contains("set the application's webhook URL to http://desk.example.com:8787/webhooks/xumm") == true)
        #expect(c.fix?.contains(#"public_url = "https://old.example.com/hook""#) == true)
        let local = InboxFacts(url: "http://127.0.0.1:8787/webhooks/xumm", source: .bindAddress)
        let unreachable = DoctorReport(facts: F.facts(answer: .pong(applicationName: "Desk", webhookURL: "https://old.example.com/hook"), inbox: local)).check("webhook_url")!
        #expect(unreachable.status == .fail && unreachable.fix?.hasPrefix("the platform cannot reach http://127.0.0.1:8787/webhooks/xumm, a local address") == true)
        let none = DoctorReport(facts: F.facts(answer: .pong(applicationName: "Desk", webhookURL: ""))).check("webhook_url")!
        #expect(none.status == .fail && none.detail.contains("no webhook URL"))
        let unserved = DoctorReport(facts: F.facts(inbox: InboxFacts(url: nil, source: .none))).check("webhook_url")!
        #expect(unserved.status == .warn && unserved.fix?.contains("pushdesk webhook serve") == true)
    }

    @Test func webhookURLsCompareAsThePlatformWouldUseThem() {
        #expect(DoctorReport.sameURL("HTTPS://Desk.Example.com:443/webhooks/xumm/", "https://desk.example.com/webhooks/xumm"))
        #expect(DoctorReport.sameURL("http://127.0.0.1:80/h", "http://127.0.0.1/h"))
        #expect(!DoctorReport.sameURL("https://desk.example.com/webhooks/xumm", "http://desk.example.com/webhooks/xumm"))
        #expect(!DoctorReport.sameURL("https://desk.example.com:8443/webhooks/xumm", "https://desk.example.com/webhooks/xumm"))
        #expect(!DoctorReport.sameURL("https://desk.example.com/webhooks/Xumm", "https://desk.example.com/webhooks/xumm"))
    }

    @Test func clockSkewWarnsAbove30AndFailsAbove300Seconds() {
        func check(_ skew: TimeInterval) -> DoctorCheck { DoctorReport(facts: F.facts(skew: skew)).check("clock")! }
        #expect(check(12).status == .pass)
        #expect(check(-29).status == .pass)
        let warn = check(45)
        #expect(warn.status == .warn && warn.detail.contains("45 s behind the platform's") && warn.fix?.contains("timedatectl set-ntp true") == true)
        let fail = check(-412)
        #expect(fail.status == .fail && fail.detail.contains("412 s ahead of the platform's") && fail.detail.contains("±300 s"))
        #expect(DoctorReport(facts: F.facts(skew: 45)).exitCode == 0, "a warning alone does not fail the run")
        var noDate = F.facts(skew: nil)
        noDate.platform.clock = nil
        #expect(DoctorReport(facts: noDate).check("clock")?.status == .warn)
    }

    @Test func everyBrokenStoreNamesItsPathAndTheFix() {
        let path = "/var/lib/pushdesk/pushdesk.sqlite"
        let broken: [StoreInspection.State] = [.notAStore(reason: "file is not a database"), .isDirectory, .permissionDenied,
                                               .ahead(unknown: ["v9"]), .missing(creatable: false), .unreachable(reason: "boom")]
        for state in broken {
            let c = DoctorReport(facts: F.facts(store: state)).check("store")!
            #expect(c.status == .fail, "\(state)")
            #expect(c.detail.contains(path) || c.fix?.contains(path) == true, "\(state): \(c)")
            #expect(c.fix != nil, "\(state)")
        }
        let garbage = DoctorReport(facts: F.facts(store: .notAStore(reason: "file is not a database"))).check("store")!
        #expect(garbage.detail == "SQLite store \(path) is not a PushDesk store (file is not a database)")
        #expect(garbage.fix?.contains("mv '\(path)' '\(path).bad'") == true)
        #expect(DoctorReport(facts: F.facts(store: .permissionDenied)).check("store")?.fix?.contains("chmod 600 '\(path)'") == true)
        #expect(DoctorReport(facts: F.facts(store: .behind(version: 2, pending: ["v3-push-intent"]))).check("store")?.status == .warn)
        #expect(DoctorReport(facts: F.facts(store: .missing(creatable: true))).check("store")?.status == .warn)
    }

    @Test func aConfigFileOthersCanReadFailsWithChmod600() {
        let path = "/home/op/.config/pushdesk/config.toml"
        for mode in [0o644, 0o640, 0o604, 0o660] {
            let c = DoctorReport(facts: F.facts(config: ConfigFileFacts(path: path, explicit: false, exists: true, mode: mode))).check("config_file")!
            #expect(c.status == .fail && c.fix == "chmod 600 \(path)", "mode \(String(mode, radix: 8))")
        }
        #expect(DoctorReport(facts: F.facts(config: ConfigFileFacts(path: path, explicit: false, exists: false))).check("config_file")?.status == .pass)
        let malformed = DoctorReport(facts: F.facts(config: ConfigFileFacts(path: path, explicit: false, exists: true, mode: 0o600, problem: "line 2: expected key = value")))
        #expect(malformed.check("config_file")?.status == .fail)
    }

    @Test func terminalProblemsAreWarningsOnly() {
        let piped = TerminalFacts(environment: [:], isTerminal: false)
        let report = DoctorReport(facts: F.facts(terminal: piped))
        #expect(report.check("locale")?.status == .warn && report.check("locale")?.fix?.contains("LANG=C.UTF-8") == true)
        #expect(report.check("terminal_size")?.status == .warn)
        #expect(report.check("colours")?.status == .warn && report.check("colours")?.detail.contains("TERM is not set") == true)
        #expect(report.exitCode == 0)
        let small = TerminalFacts(environment: ["LANG": "en_US.ISO-8859-1", "TERM": "xterm-kitty", "NO_COLOR": "1"], isTerminal: true,
                                  columns: 70, rows: 20, terminfoFound: false)
        let r2 = DoctorReport(facts: F.facts(terminal: small))
        #expect(r2.check("terminal_size")?.detail.contains("70×20 is smaller than the console's 80×24") == true)
        #expect(r2.check("locale")?.detail.contains("LANG=en_US.ISO-8859-1 is not UTF-8") == true)
        #expect(r2.check("colours")?.detail.contains("no terminfo entry for TERM=xterm-kitty") == true)
        #expect(r2.exitCode == 0)
        let mono = TerminalFacts(environment: ["LC_ALL": "C.UTF-8", "LANG": "C", "TERM": "xterm", "NO_COLOR": "1"], isTerminal: true,
                                 columns: 80, rows: 24, localeInstalled: true, terminfoFound: true)
        let r3 = DoctorReport(facts: F.facts(terminal: mono))
        #expect(r3.check("locale")?.detail == "LC_ALL=C.UTF-8 (UTF-8)")
        #expect(r3.check("colours")?.detail.contains("monochrome") == true)
    }

    @Test func textAndJSONOutput() throws {
        let report = DoctorReport(facts: F.facts(skew: 400))
        let text = report.text()
        #expect(text.contains("✗ clock skew     this machine's clock is 400 s behind"), "\(text)")
        #expect(text.contains("\n                 fix: synchronise"), "\(text)")
        #expect(text.hasSuffix("1 failed, 7 passed (exit 1)\n"))
        let ascii = report.text(unicode: false)
        #expect(ascii.contains("FAIL clock skew") && ascii.contains("ok   credentials") && !ascii.contains("✓"))
        #expect(ascii.contains("+/-300 s") && !ascii.contains("±"))
        let lines = report.jsonLines().split(separator: "\n")
        #expect(lines.count == 8)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["name", "status", "detail", "fix"])
        }
        #expect(lines[0].contains(#""fix":null"#) && lines[2].contains(#""status":"fail""#))
    }

    @Test func textWrapsToTheTerminalUnderItsOwnColumn() {
        let text = DoctorReport(facts: F.facts(skew: 400)).text(columns: 60)
        let lines = text.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 60 }, "\(text)")
        let clock = lines.firstIndex { $0.hasPrefix("✗ clock skew") }!
        #expect(lines[clock + 1].hasPrefix(String(repeating: " ", count: 17)) && !lines[clock + 1].hasPrefix(String(repeating: " ", count: 18)))
        #expect(text.replacingOccurrences(of: "\n" + String(repeating: " ", count: 17), with: " ").contains("webhook outside ±300 s"))
        #expect(DoctorReport(facts: F.facts()).text(columns: 20) == DoctorReport(facts: F.facts()).text(), "too narrow to wrap")
    }

    @Test func terminfoIsLookedUpWhereNcursesLooks() throws {
        let dir = try F.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("x"), withIntermediateDirectories: true)
        try Data().write(to: dir.appendingPathComponent("x/xterm-doctor-test"))
        #expect(TerminalFacts.terminfoExists("xterm-doctor-test", ["TERMINFO": dir.path]))
        #expect(TerminalFacts.terminfoExists("xterm-doctor-test", ["TERMINFO_DIRS": "/nonexistent:\(dir.path)"]))
        #expect(!TerminalFacts.terminfoExists("xterm-doctor-test", [:]))
        #expect(!TerminalFacts.terminfoExists("../x/xterm-doctor-test", ["TERMINFO": dir.path]))
        let facts = TerminalFacts.current(environment: ["LANG": "C.UTF-8", "TERM": "xterm-doctor-test", "TERMINFO": dir.path, "SECRET": "x"])
        #expect(facts.terminfoFound == true && facts.localeIsUTF8)
        #expect(Set(facts.environment.keys) == ["LANG", "TERM"], "only the variables the checks word are kept")
    }

    @Test func redactionIsALastGuard() {
        let leaky = DoctorReport(subject: "x", checks: [DoctorCheck("credentials", .fail, "secret s3cr3t-value leaked", fix: "not s3cr3t-value")])
        let clean = leaky.redacting(["s3cr3t-value"])
        #expect(!clean.text().contains("s3cr3t-value") && clean.text().contains("<redacted>"))
    }

    @Test func storeLocationsLoseTheirPassword() {
        #expect(StoreRedaction.redacted("postgres://desk:hunter2@db.example.com:5432/pushdesk") == "postgres://desk:***@db.example.com:5432/pushdesk")
        #expect(StoreRedaction.redacted("host=db user=desk password=hunter2 dbname=pushdesk") == "host=db user=desk password=*** dbname=pushdesk")
        #expect(StoreRedaction.redacted("/var/lib/pushdesk/pushdesk.sqlite") == "/var/lib/pushdesk/pushdesk.sqlite")
        #expect(StoreRedaction.passwords(in: "postgres://desk:p%40ss@db/x") == ["p%40ss", "p@ss"])
    }
}
