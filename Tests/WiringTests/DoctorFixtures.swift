import Foundation
import Store
import Wiring
import XummPlatform

/// Facts of a setup where everything is right, to change one thing at a time.
enum DoctorFixtures {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let inboxURL = "https://desk.example.com/webhooks/xumm"

    /// A reading `skew` whole seconds ahead: the header's instant is taken as the middle of its second,
    /// so the request is sent and answered half a second past `now`.
    static func clock(skew: TimeInterval) -> ServerClockReading {
        ServerClockReading(header: ServerClockReading.format(now.addingTimeInterval(skew)),
                           sentAt: now.addingTimeInterval(0.5), receivedAt: now.addingTimeInterval(0.5))
    }

    static func facts(answer: PlatformFacts.Answer = .pong(applicationName: "Desk", webhookURL: inboxURL), skew: TimeInterval? = 0,
                      inbox: InboxFacts = InboxFacts(url: inboxURL, source: .publicURL),
                      store: StoreInspection.State = .current(version: 3, latest: "v3-push-intent"),
                      config: ConfigFileFacts = ConfigFileFacts(path: "/home/op/.config/pushdesk/config.toml", explicit: false, exists: true, mode: 0o600),
                      terminal: TerminalFacts = goodTerminal) -> DoctorFacts {
        DoctorFacts(platform: PlatformFacts(target: .live, baseURL: "https://xumm.app/api/v1/platform", credentialSource: .configFile,
                                            answer: answer, clock: skew.map(clock(skew:))),
                    inbox: inbox, store: StoreInspection(engine: "SQLite", location: "/var/lib/pushdesk/pushdesk.sqlite", state: store),
                    config: config, terminal: terminal)
    }

    static let goodTerminal = TerminalFacts(environment: ["LANG": "C.UTF-8", "TERM": "xterm-256color"], isTerminal: true,
                                            columns: 120, rows: 35, localeInstalled: true, terminfoFound: true)

    /// A temporary folder, removed by the caller.
    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pd-doctor-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
