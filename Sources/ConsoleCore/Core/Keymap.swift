/// The single keymap: `update` resolves keys through it, the footer and the `?` overlay are generated from it.
/// Movement keys (`h/j/k/l/g/G`) only ever move.
public enum Keymap {
    public static let bindings: [KeyBinding] = [
        // Users
        KeyBinding([.enter], "Enter", "choose target", .pane(.users), .chooseUser),
        KeyBinding([.char(" ")], "Space", "select", .pane(.users), .toggleSelect),
        KeyBinding([.char("/")], "/", "filter", .pane(.users), .filter),
        KeyBinding([.char("s")], "s", "sort", .pane(.users), .cycleSort),
        KeyBinding([.char("v")], "v", "verify", .pane(.users), .verify),
        // Compose
        KeyBinding([.enter, .char("i")], "Enter/i", "edit", .pane(.compose), .editMode),
        // The push's template and options work from any pane (global, below); the Compose footer
        // names them, where they are looked for first.
        KeyBinding([.char("t")], "t", "templates", .pane(.compose), .templates),
        KeyBinding([.char("e")], "e", "$EDITOR", .pane(.compose), .externalEdit),
        KeyBinding([.char("x")], "x", "expire", .pane(.compose), .setExpire),
        KeyBinding([.char("I")], "I", "instruction", .pane(.compose), .setInstruction),
        // Payloads
        KeyBinding([.enter], "Enter", "detail", .pane(.payloads), .openDetail,
                   about: "detail (not pushed: its QR, full screen)"),
        KeyBinding([.char("z")], "z", "QR", .pane(.payloads), .zoomQR, about: "QR code and deep link, full screen"),
        KeyBinding([.char("c")], "c", "cancel", .pane(.payloads), .cancelPayload, mutates: true),
        // Detail
        KeyBinding([.char("z")], "z", "QR", .pane(.detail), .zoomQR, about: "QR code and deep link, full screen"),
        KeyBinding([.char("c")], "c", "cancel", .pane(.detail), .cancelPayload, mutates: true),
        // Global
        KeyBinding([.up, .char("k")], "↑/k", "up", .global, .up, inFooter: false),
        KeyBinding([.down, .char("j")], "↓/j", "down", .global, .down, inFooter: false),
        KeyBinding([.char("g"), .home], "g/G", "top / bottom", .global, .top, inFooter: false),
        KeyBinding([.char("G"), .end], "G", "bottom", .global, .bottom, inFooter: false),
        KeyBinding([.pageUp, .ctrl("b")], "PgUp/PgDn", "page up / down", .global, .pageUp, inFooter: false),
        KeyBinding([.pageDown, .ctrl("f")], "PgDn", "page down", .global, .pageDown, inFooter: false),
        KeyBinding([.char("p")], "p", "push…", .global, .push, mutates: true),
        KeyBinding([.char("t")], "t", "templates", .global, .templates, inFooter: false, about: "templates (any pane; or :template NAME)"),
        KeyBinding([.char("x")], "x", "expire", .global, .setExpire, inFooter: false, about: "expire minutes (any pane; or :expire N)"),
        KeyBinding([.char("I")], "I", "instruction", .global, .setInstruction, inFooter: false,
                   about: "instruction (any pane; or :instruction TEXT)"),
        KeyBinding([.tab], "Tab", "pane", .global, .nextPane),
        KeyBinding([.backtab], "S-Tab", "previous pane", .global, .previousPane, inFooter: false),
        KeyBinding([.char("1")], "1-4", "go to pane", .global, .focus(.users), inFooter: false),
        KeyBinding([.char("2")], "2", "compose", .global, .focus(.compose), inFooter: false),
        KeyBinding([.char("3")], "3", "payloads", .global, .focus(.payloads), inFooter: false),
        KeyBinding([.char("4")], "4", "detail", .global, .focus(.detail), inFooter: false),
        KeyBinding([.char("L")], "L", "log", .global, .toggleLog),
        KeyBinding([.char(":")], ":", "command", .global, .command),
        KeyBinding([.char("?")], "?", "help", .global, .help),
        KeyBinding([.esc], "Esc", "back / clear", .global, .back, inFooter: false),
        KeyBinding([.char("q")], "q", "quit", .global, .quit),
        KeyBinding([.ctrl("c")], "C-c", "quit now", .global, .quit, inFooter: false),
    ]

    /// Labels folded into one help line (the second key of a pair is described by the first).
    private static let helpHidden: Set<String> = ["G", "PgDn", "2", "3", "4"]

    /// The action of `key` in `pane`, or `nil`. Pane bindings win over global ones.
    public static func action(for key: Key, pane: Pane, readOnly: Bool) -> Action? {
        func find(_ scope: KeyBinding.Scope) -> Action? {
            bindings.first { $0.scope == scope && $0.keys.contains(key) && !(readOnly && $0.mutates) }?.action
        }
        return find(.pane(pane)) ?? find(.global)
    }

    /// Labels always shown at the right end of the footer.
    public static let pinned: Set<String> = ["?", "q"]

    /// Footer hints for normal mode in `pane`.
    public static func footer(pane: Pane, readOnly: Bool) -> [(String, String)] {
        let pick = { (b: KeyBinding) in b.inFooter && !(readOnly && b.mutates) }
        let local = bindings.filter { $0.scope == .pane(pane) && pick($0) }
        let global = bindings.filter { $0.scope == .global && pick($0) }
        return (local + global).map { ($0.label, $0.help) }
    }

    /// Help overlay sections: title and (keys, description) rows, all from `bindings`.
    public static func helpSections(readOnly: Bool) -> [(String, [(String, String)])] {
        var sections: [(String, [(String, String)])] = []
        let visible = bindings.filter { !(readOnly && $0.mutates) && !helpHidden.contains($0.label) }
        let global = visible.filter { $0.scope == .global }.map { ($0.label, $0.about ?? $0.help) }
        sections.append(("Global", global))
        for pane in Pane.allCases {
            // A pane binding that only repeats a global one (same key, same action) is listed once, globally.
            let rows = visible.filter { b in
                b.scope == .pane(pane) && !visible.contains { $0.scope == .global && $0.keys == b.keys && $0.action == b.action }
            }.map { ($0.label, $0.about ?? $0.help) }
            if !rows.isEmpty { sections.append(("\(pane.rawValue) \(pane.title)", rows)) }
        }
        sections.append(("Modes", modeHints.map { ($0.0, $0.1) }))
        return sections
    }

    /// Hints for the text-input modes (also listed in help).
    public static let modeHints: [(String, String)] = [
        ("EDIT", "typing inserts · arrows move · Esc leaves edit mode"),
        ("/ filter", "typing filters · Enter keeps · Esc clears"),
        (": command", "Tab completes · Enter runs · Esc cancels"),
        ("mouse", "click focuses a pane and selects a row · wheel scrolls the pane under it · dialogs need their keys (--no-mouse: off)"),
        ("commands", ":user NAME  :template NAME  :push  :cancel  :verify  :expire N  :instruction TEXT  :stop  :log  :q"),
    ]

    /// Footer hints for the current mode/overlay.
    public static func hints(for state: ConsoleState) -> [(String, String)] {
        if let overlay = state.overlay {
            switch overlay {
            case .help: return [("j/k PgDn", "scroll"), ("Esc/?/q", "close help")]
            case .templates: return [("↑/↓", "move"), ("Enter", "load template"), ("Esc", "close")]
            case .confirmPush: return [("y", "send push"), ("n/Esc", "cancel")]
            case .confirmCancel: return [("y", "cancel"), ("n/Esc", "keep")]
            case .qr: return [("Esc/z/q", "close")]
            }
        }
        switch state.mode {
        case .edit: return [("EDIT", "typing inserts"), ("←↑↓→", "move"), ("Esc", "leave edit mode"), ("C-c", "quit")]
        case .filter: return [("FILTER", "typing filters"), ("Enter", "keep"), ("Esc", "clear")]
        case .command: return [("Tab", "complete"), ("Enter", "run"), ("Esc", "cancel")]
        case .normal: return footer(pane: state.focus, readOnly: state.readOnly)
        }
    }
}
