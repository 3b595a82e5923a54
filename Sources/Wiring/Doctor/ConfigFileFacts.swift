/// What `pushdesk doctor` found about the config file.
public struct ConfigFileFacts: Sendable, Equatable {
    /// The file looked at (`--config`, else `$XDG_CONFIG_HOME/pushdesk/config.toml`).
    public var path: String
    /// Whether `--config` named it (a missing file is then worth a warning).
    public var explicit: Bool
    public var exists: Bool
    /// Permission bits (`0o600`), when it exists.
    public var mode: Int?
    /// Why it could not be read (`PATH:3: expected key = value`); never its contents.
    public var problem: String?

    public init(path: String, explicit: Bool, exists: Bool, mode: Int? = nil, problem: String? = nil) {
        self.path = path; self.explicit = explicit; self.exists = exists; self.mode = mode; self.problem = problem
    }
}
