import Foundation

/// A store location as it may be shown: the password of a connection URL or string replaced by `***`.
public enum StoreRedaction {
    /// `postgres://u:secret@h/db` → `postgres://u:***@h/db`; `host=h password=secret` → `host=h password=***`.
    public static func redacted(_ value: String) -> String {
        passwords(in: value).reduce(value) { $0.replacingOccurrences(of: $1, with: "***") }
    }

    /// The password a location carries (as written and, for a URL, percent-decoded), so it can be
    /// scrubbed from anything printed.
    public static func passwords(in value: String) -> [String] {
        var found: [String] = []
        if let c = URLComponents(string: value), c.scheme != nil {
            if let p = c.percentEncodedPassword, !p.isEmpty { found.append(p) }
            if let p = c.password, !p.isEmpty, !found.contains(p) { found.append(p) }
        }
        for part in value.split(separator: " ") where part.lowercased().hasPrefix("password=") {
            let p = String(part.dropFirst("password=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
            if !p.isEmpty { found.append(p) }
        }
        return found.sorted { $0.count > $1.count }
    }
}
