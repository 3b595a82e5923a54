import Domain

/// One change to a followed payload, as `PushService.follow` reports it.
public struct PayloadChange: Sendable {
    /// The payload with the change applied (and already stored).
    public let record: PayloadRecord
    /// The user whose token a signature renewed, as stored.
    public let renewedUser: KnownUser?
    /// When the status event behind the change arrived, before it was stored: the start of the
    /// event-to-frame latency the loop benchmark reports.
    public let receivedAt: ContinuousClock.Instant
}
