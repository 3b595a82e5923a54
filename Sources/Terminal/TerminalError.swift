/// Why the terminal could not be started.
public enum TerminalError: Error, CustomStringConvertible, Equatable {
    case notATerminal
    case unusableTerm(String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "stdin/stdout is not a terminal — the console needs an interactive terminal"
        case .unusableTerm(let term):
            return "terminal type TERM=\(term.isEmpty ? "(unset)" : term) is unusable (no terminfo entry?) — try TERM=xterm-256color"
        }
    }
}
