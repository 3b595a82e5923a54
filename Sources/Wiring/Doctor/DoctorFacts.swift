import Store

/// Everything `pushdesk doctor` gathered, before any judgement: ``DoctorReport/init(facts:)`` turns
/// it into checks without I/O, so the wording is tested with plain values.
public struct DoctorFacts: Sendable, Equatable {
    public var platform: PlatformFacts
    /// Where this configuration's inbox receives webhooks.
    public var inbox: InboxFacts
    public var store: StoreInspection
    /// `true` when `store` is the embedded demo store (a fresh one each run), not one the operator named.
    public var storeIsDemo: Bool
    public var config: ConfigFileFacts
    public var terminal: TerminalFacts

    public init(platform: PlatformFacts, inbox: InboxFacts, store: StoreInspection, storeIsDemo: Bool = false,
                config: ConfigFileFacts, terminal: TerminalFacts) {
        self.platform = platform; self.inbox = inbox; self.store = store; self.storeIsDemo = storeIsDemo
        self.config = config; self.terminal = terminal
    }
}
