import Foundation

/// The background liveness check of every known token: at start, then every ``interval``. The
/// platform's answer (`POST /user-tokens`) is what the Users pane shows, not the 30-day estimate:
/// users revoke the app in their wallet, and nothing else tells PushDesk.
public struct TokenSweep: Sendable, Equatable {
    /// How often the known tokens are checked again.
    public static let interval: TimeInterval = 600

    /// When the running (or last) sweep started.
    public var lastStarted: Date?
    /// When the last sweep ended, and how many tokens it checked.
    public var lastFinished: Date?
    public var lastChecked = 0
    public var running = false

    public init() {}

    /// Whether a sweep is due at `now`.
    public func isDue(at now: Date) -> Bool {
        guard !running else { return false }
        guard let last = lastStarted else { return true }
        return now.timeIntervalSince(last) >= Self.interval
    }
}

/// What a finished token sweep found.
public struct TokenSweepReport: Sendable, Equatable {
    /// Tokens the platform answered for.
    public var checked: Int
    /// Names (or shortened tokens) of users whose token the platform now says is inactive, though it
    /// was not known to be before: each is also an audit entry.
    public var newlyInactive: [String]
    /// Why the sweep stopped early, if it did.
    public var failure: Failure?

    public init(checked: Int, newlyInactive: [String] = [], failure: Failure? = nil) {
        self.checked = checked; self.newlyInactive = newlyInactive; self.failure = failure
    }
}
