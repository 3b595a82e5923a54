import Foundation

/// The terminal `pushdesk doctor` runs in: locale, size and colour settings.
public struct TerminalFacts: Sendable, Equatable {
    /// `LC_ALL`, `LC_CTYPE`, `LANG`, `TERM`, `NO_COLOR` as set (absent keys are unset).
    public var environment: [String: String]
    /// Standard output is a terminal.
    public var isTerminal: Bool
    /// Columns and rows, when standard output is a terminal that reports its size.
    public var columns: Int?
    public var rows: Int?
    /// Whether the effective locale is installed (`nil`: not looked up).
    public var localeInstalled: Bool?
    /// Whether a terminfo entry for `TERM` was found (`nil`: not looked up).
    public var terminfoFound: Bool?

    public init(environment: [String: String], isTerminal: Bool, columns: Int? = nil, rows: Int? = nil,
                localeInstalled: Bool? = nil, terminfoFound: Bool? = nil) {
        self.environment = environment; self.isTerminal = isTerminal; self.columns = columns; self.rows = rows
        self.localeInstalled = localeInstalled; self.terminfoFound = terminfoFound
    }

    /// The variables that decide the character set, first set wins (POSIX order), and which one it was.
    public var effectiveLocale: (variable: String, value: String)? {
        for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let v = environment[name], !v.isEmpty { return (name, v) }
        }
        return nil
    }

    /// The effective locale names a UTF-8 character set (`C.UTF-8`, `en_US.utf8`).
    public var localeIsUTF8: Bool {
        guard let value = effectiveLocale?.value.lowercased() else { return false }
        return value.contains("utf-8") || value.contains("utf8")
    }

    /// Reads this process's terminal: the environment, `isatty(1)`, `TIOCGWINSZ`, the locale and terminfo.
    public static func current(environment env: [String: String] = ProcessInfo.processInfo.environment) -> TerminalFacts {
        var picked: [String: String] = [:]
        for name in ["LC_ALL", "LC_CTYPE", "LANG", "TERM", "NO_COLOR", "TERMINFO", "TERMINFO_DIRS", "HOME"] {
            if let v = env[name] { picked[name] = v }
        }
        let tty = isatty(STDOUT_FILENO) == 1
        var facts = TerminalFacts(environment: picked, isTerminal: tty)
        if tty {
            var ws = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0, ws.ws_row > 0 {
                facts.columns = Int(ws.ws_col); facts.rows = Int(ws.ws_row)
            }
        }
        if let locale = facts.effectiveLocale?.value {
            if let handle = newlocale(LC_CTYPE_MASK, locale, nil) { freelocale(handle); facts.localeInstalled = true } else { facts.localeInstalled = false }
        }
        if let term = env["TERM"], !term.isEmpty, term != "dumb" { facts.terminfoFound = terminfoExists(term, env) }
        // Only the variables the checks word; HOME and the terminfo paths were for the lookup.
        facts.environment = picked.filter { ["LC_ALL", "LC_CTYPE", "LANG", "TERM", "NO_COLOR"].contains($0.key) }
        return facts
    }

    /// Looks for `TERM`'s compiled entry where ncurses does (`$TERMINFO`, `~/.terminfo`, `$TERMINFO_DIRS`,
    /// then the system folders), in both layouts (`x/xterm` and `78/xterm`).
    static func terminfoExists(_ term: String, _ env: [String: String]) -> Bool {
        guard let first = term.unicodeScalars.first, !term.contains("/") else { return false }
        var dirs: [String] = []
        if let t = env["TERMINFO"], !t.isEmpty { dirs.append(t) }
        if let home = env["HOME"], !home.isEmpty { dirs.append(home + "/.terminfo") }
        if let list = env["TERMINFO_DIRS"] { dirs += list.split(separator: ":").map(String.init) }
        dirs += ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo", "/usr/lib/terminfo", "/usr/local/share/terminfo"]
        let letter = String(first), hex = String(first.value, radix: 16)
        return dirs.contains { dir in
            FileManager.default.fileExists(atPath: "\(dir)/\(letter)/\(term)") || FileManager.default.fileExists(atPath: "\(dir)/\(hex)/\(term)")
        }
    }
}
