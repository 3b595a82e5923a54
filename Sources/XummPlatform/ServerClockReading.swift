import Foundation

/// The platform's clock as one answer told it: its HTTP `Date` header and when this machine sent the
/// request and received the answer. Webhook timestamps come from that clock, and the inbox refuses
/// those more than ±300 s from its own, so a skew here means refused webhooks.
public struct ServerClockReading: Sendable, Equatable {
    /// The `Date` header as sent (`Wed, 02 Dec 2026 13:04:20 GMT`).
    public var header: String
    /// When the request was sent, by this machine's clock.
    public var sentAt: Date
    /// When the answer arrived, by this machine's clock.
    public var receivedAt: Date

    public init(header: String, sentAt: Date, receivedAt: Date) {
        self.header = header; self.sentAt = sentAt; self.receivedAt = receivedAt
    }

    /// The header's instant, or `nil` when it is not an HTTP date (RFC 9110 IMF-fixdate).
    public var serverDate: Date? { Self.parse(header) }

    /// How far the platform's clock is ahead of this machine's (negative: behind), in seconds.
    ///
    /// The header has whole seconds (truncated), so the platform's instant is taken as the middle of
    /// its second, compared with the middle of the round trip.
    public var skew: TimeInterval? {
        guard let server = serverDate else { return nil }
        let local = sentAt.addingTimeInterval(receivedAt.timeIntervalSince(sentAt) / 2)
        return server.addingTimeInterval(0.5).timeIntervalSince(local)
    }

    /// Parses an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`).
    public static func parse(_ header: String) -> Date? {
        imfFixdate().date(from: header.trimmingCharacters(in: .whitespaces))
    }

    /// Formats an instant as an IMF-fixdate (what a server puts in `Date`).
    public static func format(_ date: Date) -> String {
        imfFixdate().string(from: date)
    }

    /// A fresh formatter (DateFormatter is not Sendable; one reading is parsed at a time, rarely).
    private static func imfFixdate() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter
    }
}
