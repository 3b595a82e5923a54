import Foundation

/// The checks of `pushdesk doctor`, judged from gathered ``DoctorFacts`` (pure: no I/O, no clock).
///
/// Exit code 0 when nothing failed (warnings allowed), 1 otherwise.
public struct DoctorReport: Sendable, Equatable {
    /// What was examined, for the heading (`embedded simulator at 127.0.0.1:40321`, or the API base).
    public var subject: String
    public var checks: [DoctorCheck]

    public init(subject: String, checks: [DoctorCheck]) { self.subject = subject; self.checks = checks }

    /// Judges every check, in the order they are printed.
    public init(facts: DoctorFacts) {
        let p = facts.platform
        subject = p.target == .embeddedSimulator ? "embedded simulator at \(Self.hostPort(p.baseURL))" : p.baseURL
        checks = [
            Self.credentials(p, config: facts.config),
            Self.webhookURL(p, inbox: facts.inbox, config: facts.config),
            Self.clock(p),
            Self.store(facts.store, isDemo: facts.storeIsDemo),
            Self.configFile(facts.config),
            Self.locale(facts.terminal),
            Self.terminalSize(facts.terminal),
            Self.colours(facts.terminal),
        ]
    }

    /// True when any check failed.
    public var failed: Bool { checks.contains { $0.status == .fail } }

    /// 0 when nothing failed (warnings allowed), 1 otherwise.
    public var exitCode: Int32 { failed ? 1 : 0 }

    /// The check named `name`.
    public func check(_ name: String) -> DoctorCheck? { checks.first { $0.name == name } }

    /// The same report with every occurrence of each secret replaced by `<redacted>`: a last guard, since
    /// no check is meant to quote a secret in the first place.
    public func redacting(_ secrets: [String]) -> DoctorReport {
        let secrets = secrets.filter { $0.count >= 4 }
        guard !secrets.isEmpty else { return self }
        func scrub(_ s: String) -> String { secrets.reduce(s) { $0.replacingOccurrences(of: $1, with: "<redacted>") } }
        return DoctorReport(subject: scrub(subject), checks: checks.map {
            DoctorCheck($0.name, $0.status, scrub($0.detail), fix: $0.fix.map(scrub))
        })
    }

    /// `host:port` of a URL.
    static func hostPort(_ url: String) -> String {
        guard let c = URLComponents(string: url), let host = c.host else { return url }
        return c.port.map { "\(host):\($0)" } ?? host
    }
}
