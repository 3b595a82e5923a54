/// Orders of the Users pane, cycled with `s`.
public enum UserSort: String, Sendable, Equatable, CaseIterable {
    /// Least time left first (expired first, unknown last).
    case timeLeft = "time left"
    case name
    /// Most recently signed first (never signed last).
    case lastSigned = "last signed"

    public var next: UserSort {
        let all = UserSort.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}
