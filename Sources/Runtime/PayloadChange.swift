import Domain

/// One change to a followed payload, as `PushService.follow` reports it.
public enum PayloadChange: Sendable {
    /// The payload with a new status event applied. Reported as soon as the event arrives, before
    /// it is stored; `receivedAt` is that arrival, the start of the event-to-frame latency the loop
    /// benchmark reports.
    case progressed(PayloadRecord, receivedAt: ContinuousClock.Instant)
    /// The user whose token a signature renewed, as stored.
    case userRenewed(KnownUser)

    /// The payload, for a `progressed` change.
    public var record: PayloadRecord? {
        if case .progressed(let record, _) = self { return record }
        return nil
    }
}
