/// How `pushdesk doctor` was asked to run.
public struct DoctorOptions: Sendable {
    /// `--config`; `nil` for the default location.
    public var configPath: String?
    /// `--api-base`: a live platform even without credentials (which then fails the credentials check).
    public var apiBase: String?
    /// `--store`: a SQLite path (or, once that engine lands, a PostgreSQL URL).
    public var store: String?
    /// `--simulator`: the embedded simulator even with credentials, as `pushdesk --simulator` would.
    public var forceSimulator: Bool
    /// The environment to read (`XUMM_*`, `XDG_*`, locale and terminal variables).
    public var environment: [String: String]
    /// The terminal facts to judge instead of reading this process's (tests).
    public var terminal: TerminalFacts?

    public init(configPath: String? = nil, apiBase: String? = nil, store: String? = nil, forceSimulator: Bool = false,
                environment: [String: String], terminal: TerminalFacts? = nil) {
        self.configPath = configPath; self.apiBase = apiBase; self.store = store; self.forceSimulator = forceSimulator
        self.environment = environment; self.terminal = terminal
    }
}
