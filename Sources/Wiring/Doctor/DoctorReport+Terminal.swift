import ConsoleCore

/// The checks of the terminal the console will draw in. Warnings at worst: doctor may well run
/// elsewhere (a script, CI, over ssh without a tty).
extension DoctorReport {
    static func locale(_ t: TerminalFacts) -> DoctorCheck {
        let fix = "export LANG=C.UTF-8 (or another installed UTF-8 locale, see `locale -a`) in your shell profile"
        guard let (variable, value) = t.effectiveLocale else {
            return DoctorCheck("locale", .warn, "LC_ALL, LC_CTYPE and LANG are unset (the C locale): box lines, names and the QR code's blocks may show as ?",
                               fix: fix)
        }
        guard t.localeIsUTF8 else {
            return DoctorCheck("locale", .warn, "\(variable)=\(value) is not UTF-8: box lines, names and the QR code's blocks may show as ?",
                               fix: fix)
        }
        if t.localeInstalled == false {
            return DoctorCheck("locale", .warn, "\(variable)=\(value) is not installed on this machine, so the C locale is used",
                               fix: "install it (Debian: `dpkg-reconfigure locales`) or export LANG=C.UTF-8")
        }
        return DoctorCheck("locale", .pass, "\(variable)=\(value) (UTF-8)")
    }

    static func terminalSize(_ t: TerminalFacts) -> DoctorCheck {
        let need = "\(Layout.minWidth)×\(Layout.minHeight)"
        guard t.isTerminal else {
            return DoctorCheck("terminal_size", .warn, "standard output is not a terminal, so its size is not known (the console needs \(need))",
                               fix: "run `pushdesk doctor` in the terminal you open the console in")
        }
        guard let columns = t.columns, let rows = t.rows else {
            return DoctorCheck("terminal_size", .warn, "the terminal does not report its size (the console needs \(need))")
        }
        if columns < Layout.minWidth || rows < Layout.minHeight {
            return DoctorCheck("terminal_size", .warn, "\(columns)×\(rows) is smaller than the console's \(need): it would show \"terminal too small\"",
                               fix: "enlarge the window (or use a smaller font) to at least \(need)")
        }
        return DoctorCheck("terminal_size", .pass, "\(columns)×\(rows) (the console needs \(need))")
    }

    static func colours(_ t: TerminalFacts) -> DoctorCheck {
        let term = t.environment["TERM"] ?? ""
        let setTerm = "export TERM=xterm-256color (or your terminal's own name)"
        if term.isEmpty {
            return DoctorCheck("colours", .warn, "TERM is not set: the console cannot drive the screen", fix: setTerm)
        }
        if term == "dumb" {
            return DoctorCheck("colours", .warn, "TERM=dumb: no cursor movement and no colours", fix: setTerm)
        }
        if t.terminfoFound == false {
            return DoctorCheck("colours", .warn, "no terminfo entry for TERM=\(term): curses cannot start",
                               fix: "install it (Debian: `apt-get install ncurses-term`) or \(setTerm)")
        }
        if let noColor = t.environment["NO_COLOR"], !noColor.isEmpty {
            return DoctorCheck("colours", .pass, "TERM=\(term); NO_COLOR is set, so the console is monochrome (reverse marks the selection)")
        }
        return DoctorCheck("colours", .pass, "TERM=\(term), colours on (NO_COLOR=1 or --no-color for monochrome)")
    }
}
