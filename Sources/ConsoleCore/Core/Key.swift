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
    /// A mouse click or wheel turn (cell coordinates, 0-based).
    case mouse(MouseEvent)

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
        case .mouse: return "mouse"
        }
    }
}

/// A mouse event as the terminal reports it (SGR mouse mode), in screen cells from the top left.
public struct MouseEvent: Sendable, Equatable, Hashable {
    public enum Action: Sendable, Equatable, Hashable {
        /// A button went down (0 left, 1 middle, 2 right).
        case press(button: Int)
        case wheelUp, wheelDown
    }
    public var x: Int
    public var y: Int
    public var action: Action
    public init(x: Int, y: Int, action: Action) { self.x = x; self.y = y; self.action = action }
}
