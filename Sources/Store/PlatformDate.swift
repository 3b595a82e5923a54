import Foundation

/// Parses the platform's date strings (`2024-05-01T10:00:00.000Z`, with or without fractional
/// seconds, or `2024-05-01 10:00:00` UTC) and unix seconds given as text.
enum PlatformDate {
    static func parse(_ s: String) -> Date? {
        let t = s.trimmingCharacters(in: .whitespaces)
        if t.isEmpty { return nil }
        if let n = Double(t) { return Date(timeIntervalSince1970: n) }
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = f.date(from: t) { return d }
        f.formatOptions = [.withInternetDateTime]
        if let d = f.date(from: t) { return d }
        let g = DateFormatter()
        g.locale = Locale(identifier: "en_US_POSIX"); g.timeZone = TimeZone(identifier: "UTC")
        g.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return g.date(from: t)
    }

    /// ISO 8601 UTC with seconds (`2024-05-01T10:00:00Z`).
    static func format(_ d: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: d)
    }
}
