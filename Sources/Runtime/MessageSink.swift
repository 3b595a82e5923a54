import ConsoleCore

/// Where the Runtime reports what happened: into the console loop's queue. A status event also
/// carries the moment it arrived, for the event-to-frame latency the loop benchmark reports.
public struct MessageSink: Sendable {
    private let deliver: @Sendable (Msg, ContinuousClock.Instant?) -> Void

    public init(_ deliver: @escaping @Sendable (Msg, ContinuousClock.Instant?) -> Void) { self.deliver = deliver }

    /// Reports a message.
    public func send(_ msg: Msg) { deliver(msg, nil) }

    /// Reports a message caused by a status event that arrived at `receivedAt`.
    public func send(_ msg: Msg, eventReceivedAt receivedAt: ContinuousClock.Instant) { deliver(msg, receivedAt) }

    /// A sink that drops everything (before a loop connects).
    public static let discard = MessageSink { _, _ in }
}
