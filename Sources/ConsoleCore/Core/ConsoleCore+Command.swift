import Domain
import XRPLTx

extension ConsoleCore {
    static func handleCommandLine(_ state: inout ConsoleState, _ key: Key) -> [Cmd] {
        switch key {
        case .esc:
            state.mode = .normal; state.commandText = ""
        case .backspace:
            if state.commandText.isEmpty { state.mode = .normal } else { state.commandText.removeLast() }
        case .char(let c):
            state.commandText.append(c)
        case .paste(let s):
            state.commandText += s.filter { $0 != "\n" && $0 != "\r\n" }
        case .tab:
            let (text, candidates) = CommandParser.complete(state.commandText) { completionNames(state, command: $0) }
            state.commandText = text
            state.status = candidates.count > 1 ? StatusLine(candidates.joined(separator: "  ")) : nil
        case .enter:
            let text = state.commandText
            state.mode = .normal
            state.commandText = ""
            return run(&state, command: text)
        default:
            break
        }
        return []
    }

    static func completionNames(_ state: ConsoleState, command: String) -> [String] {
        switch command {
        case "user":
            var names: [String] = []
            for u in state.users.users { names.append(u.displayName) }
            return Array(Set(names)).sorted()
        case "template": return state.templates.map(\.name)
        case "sort": return UserSort.allCases.map(\.rawValue)
        default: return []
        }
    }

    /// Runs one `:` command.
    static func run(_ state: inout ConsoleState, command text: String) -> [Cmd] {
        let (name, arg) = CommandParser.split(text)
        switch name {
        case "": return []
        case "q", "quit":
            state.quitRequested = true
            return [.quit]
        case "user":
            guard !arg.isEmpty else { state.status = StatusLine("usage: :user NAME", isError: true); return [] }
            switch findUser(state, arg) {
            case .found(let u):
                state.targetToken = u.userToken
                if state.users.visibleRow(of: u.userToken) == nil { state.users.setQuery("") }
                restoreUserCursor(&state, token: u.userToken)
                state.status = StatusLine("push target: \(u.displayName)")
            case .none: state.status = StatusLine("no user matches \"\(arg)\"", isError: true)
            case .ambiguous(let n): state.status = StatusLine("\(n) users match \"\(arg)\" — be more specific (Tab completes)", isError: true)
            }
        case "template":
            guard let t = state.templates.first(where: { $0.name.lowercased() == arg.lowercased() })
                    ?? uniquePrefix(state.templates, arg) else {
                state.status = StatusLine(arg.isEmpty ? "usage: :template NAME" : "no template \"\(arg)\"", isError: true)
                return []
            }
            loadTemplate(&state, t)
        case "push": return perform(&state, .push)
        case "cancel": return perform(&state, .cancelPayload)
        case "verify": return verify(&state)
        case "stop":
            guard let bulk = state.bulk, !bulk.finished else { state.status = StatusLine("no bulk push is running", isError: true); return [] }
            state.status = StatusLine("stopping bulk push…")
            return [.stopBulk]
        case "expire":
            if arg.isEmpty || arg == "default" { state.expireMinutes = nil; state.status = StatusLine("expire: platform default"); return [] }
            guard let n = Int(arg), n > 0, n <= 60 * 24 * 30 else { state.status = StatusLine("usage: :expire MINUTES (1…43200) or :expire default", isError: true); return [] }
            state.expireMinutes = n
            state.status = StatusLine("expire: \(n) min")
        case "instruction":
            let clean = Sanitize.clean(arg)
            guard clean.count <= 280 else { state.status = StatusLine("instruction is limited to 280 characters (has \(clean.count))", isError: true); return [] }
            state.instruction = clean.isEmpty ? nil : clean
            state.status = StatusLine(clean.isEmpty ? "instruction cleared" : "instruction set")
        case "log": state.showLog.toggle(); clampScrolls(&state)
        case "help": state.overlay = .help; state.helpScroll = 0
        case "sort":
            guard let s = UserSort.allCases.first(where: { $0.rawValue.hasPrefix(arg.lowercased()) && !arg.isEmpty }) else {
                state.status = StatusLine("usage: :sort time left|name|last signed", isError: true); return []
            }
            let keep = state.cursorUser?.userToken
            state.users.setSort(s)
            restoreUserCursor(&state, token: keep)
        default:
            state.status = StatusLine("unknown command :\(name) — try :help", isError: true)
        }
        return []
    }

    enum UserMatch { case found(KnownUser), none, ambiguous(Int) }

    /// Exact display name, then unique name prefix, then unique account/token prefix (all case-insensitive).
    static func findUser(_ state: ConsoleState, _ query: String) -> UserMatch {
        let q = query.lowercased()
        var exact: [KnownUser] = [], prefix: [KnownUser] = [], ids: [KnownUser] = []
        for u in state.users.users {
            let name = u.displayName.lowercased()
            if name == q { exact.append(u) } else if name.hasPrefix(q) { prefix.append(u) }
            if u.userToken.lowercased().hasPrefix(q) || (u.account?.lowercased().hasPrefix(q) ?? false) { ids.append(u) }
        }
        for group in [exact, prefix, ids] where !group.isEmpty {
            return group.count == 1 ? .found(group[0]) : .ambiguous(group.count)
        }
        return .none
    }

    private static func uniquePrefix(_ templates: [TxTemplate], _ arg: String) -> TxTemplate? {
        guard !arg.isEmpty else { return nil }
        let m = templates.filter { $0.name.lowercased().hasPrefix(arg.lowercased()) }
        return m.count == 1 ? m[0] : nil
    }
}
