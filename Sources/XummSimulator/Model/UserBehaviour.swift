/// What a simulated user does when a sign request reaches their phone.
public enum UserBehaviour: String, Sendable, Codable, CaseIterable {
    /// Opens it, then signs `after_seconds` after it was created.
    case sign
    /// Opens it, then rejects it `after_seconds` after it was created.
    case reject
    /// Opens it after `after_seconds` and never decides: it expires opened.
    case open
    /// Sees the push and ignores it: never opened, it expires.
    case ignore
    /// The phone is offline: pushed, never opened.
    case offline
    /// Opens it, dawdles past the expiry, then signs `after_seconds` after the expiry.
    case signLate = "sign_late"

    /// Plain words for lists and logs.
    public func describe(afterSeconds: Double) -> String {
        let s = afterSeconds == afterSeconds.rounded() ? String(Int(afterSeconds)) : String(afterSeconds)
        switch self {
        case .sign: return "signs after \(s) s"
        case .reject: return "rejects after \(s) s"
        case .open: return "opens after \(s) s, never decides"
        case .ignore: return "ignores pushes"
        case .offline: return "offline (never opens)"
        case .signLate: return "opens, signs \(s) s after expiry"
        }
    }
}
