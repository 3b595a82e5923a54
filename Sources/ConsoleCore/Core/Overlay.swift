/// A modal layer drawn over the panes; it takes all keys while open.
public enum Overlay: Sendable, Equatable {
    case help
    /// Template picker with its cursor.
    case templates(cursor: Int)
    case confirmPush(PushConfirm)
    case confirmCancel(uuid: String)
    /// The payload's QR code and deep link, whole, on a screen of its own (`z`, or Enter on a payload
    /// that was not pushed). Drawn instead of the panes; `Esc`, `z` or `q` closes it.
    case qr(uuid: String)
}

/// State of the push confirm dialog.
public struct PushConfirm: Sendable, Equatable {
    /// Exactly what `y` sends.
    public var request: PushRequest
    /// Preflight answer per token; `nil` while the check is running.
    public var verified: [String: Bool]?
    public init(request: PushRequest, verified: [String: Bool]? = nil) {
        self.request = request; self.verified = verified
    }
}
