import Store

/// Everything `pushdesk doctor` gathered, before any judgement: ``DoctorReport/init(facts:)`` turns
/// it into checks without I/O, so the wording is tested with plain values.
public struct DoctorFacts: Sendable, Equatable {
    /// What the ping told (or why there was none).
    public var platform: PlatformFacts
    /// Where this configuration's inbox receives webhooks.
    public var inbox: InboxFacts
    /// The store as the probe found it.
    public var store: StoreInspection
    /// `true` when `store` is the embedded demo store (a fresh one each run), not one the operator named.
    public var storeIsDemo: Bool
    /// The config file's location, mode and readability.
    public var config: ConfigFileFacts
    /// Locale, size and colour settings of the terminal.
    public var terminal: TerminalFacts

    public init(platform: PlatformFacts, inbox: InboxFacts, store: StoreInspection, storeIsDemo: Bool = false,
                config: ConfigFileFacts, terminal: TerminalFacts) {
        self.platform = platform; self.inbox = inbox; self.store = store; self.storeIsDemo = storeIsDemo
        self.config = config; self.terminal = terminal
    }
}
