/// Progress of a bulk push (one payload per user token).
public struct BulkProgress: Sendable, Equatable {
    /// Per-user outcome of a bulk push.
    public enum Outcome: String, Sendable, Equatable { case pending, pushed, notPushed = "not pushed", failed, skipped }
    public var done: Int
    public var total: Int
    /// Outcome per user token.
    public var outcomes: [String: Outcome]
    /// True once the Runtime finished or stopped the run.
    public var finished: Bool
    public init(done: Int, total: Int, outcomes: [String: Outcome] = [:], finished: Bool = false) {
        self.done = done; self.total = total; self.outcomes = outcomes; self.finished = finished
    }
}
