/// A key press as decoded by the Terminal.
public enum Key: Sendable, Equatable, Hashable {
    /// A printable grapheme (wide ones included).
    case char(Character)
    case up, down, left, right
    case enter, esc, tab, backtab, backspace, delete
    case home, end, pageUp, pageDown
    /// Control + letter, lower-case (`.ctrl("c")`).
    case ctrl(Character)
    /// The terminal was resized (the Runtime follows it with `.resize`).
    case resize
    /// A bracketed paste (or a burst of typed characters) delivered as one run.
    case paste(String)

    /// Label used in key hints.
    public var label: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .enter: return "Enter"
        case .esc: return "Esc"
        case .tab: return "Tab"
        case .backtab: return "S-Tab"
        case .backspace: return "BS"
        case .delete: return "Del"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .ctrl(let c): return "C-\(c)"
        case .resize: return "resize"
        case .paste: return "paste"
        }
    }
}
