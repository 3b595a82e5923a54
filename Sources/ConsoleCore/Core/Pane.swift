/// The four panes, in `Tab` order and numbered `1..4`.
public enum Pane: Int, Sendable, Equatable, CaseIterable {
    case users = 1, compose, payloads, detail
    public var title: String {
        switch self {
        case .users: return "Users"
        case .compose: return "Compose"
        case .payloads: return "Payloads"
        case .detail: return "Detail"
        }
    }
    public var next: Pane { Pane(rawValue: rawValue % 4 + 1)! }
    public var previous: Pane { Pane(rawValue: (rawValue + 2) % 4 + 1)! }
}
