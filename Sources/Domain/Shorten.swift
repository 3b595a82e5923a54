/// Shortening of long identifiers for narrow columns: `rHb9CJ…Wyh` style.
public enum Shorten {
    /// Keeps `keep` characters at each end with an ellipsis between; returns the string unchanged if short enough.
    public static func middle(_ s: String, keep: Int) -> String {
        guard s.count > keep * 2 + 1 else { return s }
        return String(s.prefix(keep)) + "…" + String(s.suffix(keep))
    }

    /// Compact human duration: `42s`, `5m`, `3h`, `12d`; negative values get a leading `-`.
    public static func duration(_ seconds: Double) -> String {
        let sign = seconds < 0 ? "-" : ""
        let s = abs(seconds)
        if s < 60 { return sign + "\(Int(s))s" }
        if s < 3600 { return sign + "\(Int(s / 60))m" }
        if s < 86400 * 2 { return sign + "\(Int(s / 3600))h" }
        return sign + "\(Int(s / 86400))d"
    }
}
