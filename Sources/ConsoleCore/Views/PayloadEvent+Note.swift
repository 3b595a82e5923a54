import Domain

extension PayloadEvent {
    /// The timeline note an operator reads for this event. The Runtime records facts in `detail`
    /// (`attempt=2`, `seen=after-reconnect`, `txid …`); the words are chosen here. Details written by
    /// older versions (plain text) are shown as they are.
    public var operatorNote: String {
        switch (kind, detail) {
        case (.reconnected, let d?) where d.hasPrefix("attempt="):
            return "status stream reconnected (attempt \(d.dropFirst("attempt=".count)))"
        case (.opened, "seen=after-reconnect"):
            return "seen after reconnect"
        case (.notPushed, nil):
            return "token expired or revoked — use the deep link / QR"
        default:
            return detail ?? ""
        }
    }
}
