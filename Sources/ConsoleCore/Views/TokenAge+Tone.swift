import Domain

extension TokenState {
    /// The word the Users pane shows.
    var label: String {
        switch self {
        case .active: return "fresh"
        case .expiring: return "expiring"
        case .expired: return "expired"
        case .revoked: return "revoked"
        }
    }

    var tone: Tone {
        switch self {
        case .active: return .fresh
        case .expiring: return .expiring
        case .expired: return .expired
        case .revoked: return .revoked
        }
    }
}

extension PayloadRecord {
    /// Colour of the state badge.
    var badgeTone: Tone? {
        switch stateLabel {
        case "signed": return .fresh
        case "rejected", "expired": return .expired
        case "cancelled": return .revoked
        // The websocket's word, not yet confirmed by the GET: a live state, never green.
        case "signed?", "rejected?": return .accent
        case "not pushed": return .expiring
        case "creating": return nil
        default: return .accent
        }
    }
}
