import Domain

extension PayloadEventKind {
    /// The word a Detail timeline row starts with: `signed?` / `rejected?` for the websocket's
    /// unconfirmed word, the kind's name otherwise.
    var timelineLabel: String {
        switch self {
        case .signedUnconfirmed: "signed?"
        case .rejectedUnconfirmed: "rejected?"
        default: rawValue.replacingOccurrences(of: "_", with: " ")
        }
    }

    /// Colour of a timeline row's word. Only confirmed outcomes are coloured: the websocket's
    /// unconfirmed `signed?` stays neutral until the GET says `signed`.
    var timelineTone: Tone? {
        switch self {
        case .signed: .fresh
        case .rejected, .expired, .error: .expired
        case .notPushed: .expiring
        case .cancelled: .revoked
        default: nil
        }
    }
}

extension PayloadRecord {
    /// What a timeline row of the websocket's unconfirmed word says (short: the Detail pane is narrow):
    /// waiting for the GET, or whether the GET agreed.
    func unconfirmedNote(_ kind: PayloadEventKind) -> String {
        guard let result else { return "websocket, confirming…" }
        let word: PayloadOutcome = kind == .signedUnconfirmed ? .signed : .rejected
        return result.outcome == word ? "websocket; GET agreed" : "websocket; GET: \(result.outcome.rawValue)"
    }
}
