import ConsoleCore

/// What the terminal loop reports to the Runtime.
public enum TerminalEvent: Sendable, Equatable {
    case key(Key)
    /// The terminal now has this size (sent at start and after every resize).
    case resize(width: Int, height: Int)
    /// SIGINT/SIGTERM/SIGHUP arrived; the Runtime should shut down (then call `restore()`).
    case terminate(signal: Int32)
}
