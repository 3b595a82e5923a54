import Foundation

/// How `pushdesk doctor` prints a report: aligned text lines, or one JSON object per check.
extension DoctorReport {
    /// Labels as printed (the JSON keeps ``DoctorCheck/name``).
    static let labels: [String: String] = [
        "credentials": "credentials", "webhook_url": "webhook url", "clock": "clock skew", "store": "store",
        "config_file": "config file", "locale": "locale", "terminal_size": "terminal size", "colours": "colours",
    ]

    /// The text report: a heading, one line per check (`✓`, `!`, `✗`, `-` for skipped), a `fix:` line
    /// under each that has one, and a summary. `unicode: false` marks with `ok`/`warn`/`FAIL`/`skip`
    /// instead, and plain ASCII for the few other symbols, for a terminal that is not UTF-8.
    /// `columns`: wrap at word boundaries to fit a terminal that wide, under the text's own column.
    public func text(unicode: Bool = true, columns: Int? = nil) -> String {
        unicode ? render(unicode: true, columns: columns) : Self.ascii(render(unicode: false, columns: columns))
    }

    /// `—` `…` `×` `±` `→` spelt in ASCII (paths and remote text keep whatever they hold).
    static func ascii(_ s: String) -> String {
        [("—", "-"), ("…", "..."), ("×", "x"), ("±", "+/-"), ("→", "->")].reduce(s) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    private func render(unicode: Bool, columns: Int?) -> String {
        let width = checks.map { (Self.labels[$0.name] ?? $0.name).count }.max() ?? 0
        let markWidth = unicode ? 1 : 4
        var lines = ["pushdesk doctor \(PushDeskVersion.current) \(unicode ? "—" : "-") \(subject)"]
        for c in checks {
            let label = (Self.labels[c.name] ?? c.name).padding(toLength: width, withPad: " ", startingAt: 0)
            let mark = Self.mark(c.status, unicode: unicode).padding(toLength: markWidth, withPad: " ", startingAt: 0)
            let indent = markWidth + 1 + width + 2
            lines += Self.wrap(c.detail, first: "\(mark) \(label)  ", indent: indent, columns: columns)
            if let fix = c.fix {
                lines += Self.wrap("fix: \(fix)", first: String(repeating: " ", count: indent), indent: indent + 5, columns: columns)
            }
        }
        lines.append(summary)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `1 failed, 2 warnings, 5 passed` (skipped ones too, when any).
    public var summary: String {
        func count(_ s: DoctorCheck.Status) -> Int { checks.filter { $0.status == s }.count }
        var parts: [String] = []
        if count(.fail) > 0 { parts.append("\(count(.fail)) failed") }
        if count(.warn) > 0 { parts.append("\(count(.warn)) warning\(count(.warn) == 1 ? "" : "s")") }
        parts.append("\(count(.pass)) passed")
        if count(.skipped) > 0 { parts.append("\(count(.skipped)) skipped") }
        return parts.joined(separator: ", ") + (failed ? " (exit 1)" : "")
    }

    /// One JSON object per line and check: `{"detail":…,"fix":…|null,"name":…,"status":"pass|warn|fail|skipped"}`.
    public func jsonLines() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return checks.map { (try? encoder.encode($0)).map { String(decoding: $0, as: UTF8.self) } ?? "{}" }.joined(separator: "\n") + "\n"
    }

    /// `text` after `first`, broken at spaces so no line passes `columns`; later lines start `indent`
    /// spaces in. Unwrapped when `columns` is nil or leaves under 30 columns for the text.
    static func wrap(_ text: String, first: String, indent: Int, columns: Int?) -> [String] {
        guard let columns, columns - indent >= 30 else { return [first + text] }
        var lines: [String] = []
        var line = first
        var lineHasWord = false
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if lineHasWord, line.count + 1 + word.count > columns {
                lines.append(line)
                line = String(repeating: " ", count: indent)
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        lines.append(line)
        return lines
    }

    static func mark(_ status: DoctorCheck.Status, unicode: Bool) -> String {
        switch status {
        case .pass: unicode ? "✓" : "ok"
        case .warn: unicode ? "!" : "warn"
        case .fail: unicode ? "✗" : "FAIL"
        case .skipped: unicode ? "-" : "skip"
        }
    }
}
