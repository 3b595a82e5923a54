import Domain

/// The Users pane: one row per visible user; only the rows on screen are computed.
enum UsersView {
    struct Columns {
        var name: Int, account: Int, accountKeep: Int, token: Int, showToken: Bool
        static let mark = 2, age = 5, left = 6, state = 8, pushes = 4

        init(width: Int) {
            accountKeep = width >= 100 ? 8 : 4
            account = accountKeep * 2 + 1
            token = 9
            let fixed = Columns.mark + account + Columns.age + Columns.left + Columns.state + Columns.pushes + 6
            showToken = width - fixed - token - 1 >= 10
            name = max(4, width - fixed - (showToken ? token + 1 : 0))
        }
    }

    static func draw(_ state: ConsoleState, _ rect: Rect, _ buf: inout Buffer) {
        let focused = state.focus == .users
        let users = state.users
        var title = "1 Users"
        if state.usersLoaded {
            title += users.query.isEmpty ? " \(Draw.grouped(users.count))" : " \(Draw.grouped(users.visible.count))/\(Draw.grouped(users.count))"
        }
        var badges = ["sort: \(users.sort.rawValue)"]
        if !users.query.isEmpty { badges.append("filter \"\(users.query)\"") }
        if !state.multiSelected.isEmpty { badges.append("\(state.multiSelected.count) selected") }
        if state.tokenSweep.running {
            badges.append("checking tokens…")
        } else if let checked = state.tokenSweep.lastFinished {
            let ago = max(0, state.now.timeIntervalSince(checked))
            badges.append(ago < 60 ? "tokens checked just now" : "tokens checked \(Shorten.duration(ago)) ago")
        }
        Draw.box(&buf, rect, title: title, focused: focused, badges: badges)
        let inner = rect.inner
        guard inner.height > 0, inner.width > 0 else { return }
        let c = Columns(width: inner.width)
        var header = "  " + Draw.pad("NAME", c.name) + " " + Draw.pad("ACCOUNT", c.account) + " "
        if c.showToken { header += Draw.pad("TOKEN", c.token) + " " }
        header += Draw.right("AGE", Columns.age) + " " + Draw.right("LEFT", Columns.left) + " " + Draw.pad("STATE", Columns.state) + " " + Draw.right("PUSH", Columns.pushes)
        buf.put(header, x: inner.x, y: inner.y, style: Style(bold: true, underline: true), maxWidth: inner.width)

        let rows = inner.height - 1
        if !state.usersLoaded || users.visible.isEmpty {
            let message = !state.usersLoaded ? "loading users…"
                : users.count == 0 ? "no known users yet — users appear when they sign a payload of this app"
                : "no user matches \"\(users.query)\" (Esc clears the filter)"
            buf.put(message, x: inner.x + 2, y: inner.y + 1, style: .dim, maxWidth: inner.width - 2)
            return
        }
        let scroll = ConsoleCore.scrolled(cursor: state.userCursor, scroll: state.userScroll, rows: rows, count: users.visible.count)
        for i in 0..<rows {
            let index = scroll + i
            guard let u = users.user(atVisible: index) else { break }
            let y = inner.y + 1 + i
            let age = TokenAge(user: u, now: state.now)
            let selected = state.multiSelected.contains(u.userToken)
            let target = state.targetToken == u.userToken
            var x = inner.x
            x += buf.put(selected ? "✓" : " ", x: x, y: y, style: Style(fg: .accent, bold: true))
            x += buf.put(target ? "▸" : " ", x: x, y: y, style: Style(fg: .accent, bold: true))
            x += buf.put(Draw.pad(u.displayName, c.name) + " ", x: x, y: y, style: selected ? .bold : .plain)
            x += buf.put(Draw.pad(u.account.map { Shorten.middle($0, keep: c.accountKeep) } ?? "—", c.account) + " ", x: x, y: y)
            if c.showToken {
                x += buf.put(Draw.pad(Shorten.middle(u.userToken, keep: 4), c.token) + " ", x: x, y: y, style: .dim)
            }
            x += buf.put(Draw.right(age.age.map { Shorten.duration($0) } ?? "—", Columns.age) + " ", x: x, y: y)
            x += buf.put(Draw.right(age.timeLeft.map { Shorten.duration($0) } ?? "—", Columns.left) + " ", x: x, y: y, style: Style(fg: age.state.tone))
            // "active" is the platform's answer; "fresh" only the 30-day estimate.
            let word = age.state == .active && u.verifiedActive == true ? "active" : age.state.label
            x += buf.put(Draw.pad(word, Columns.state) + " ", x: x, y: y, style: Style(fg: age.state.tone, bold: age.state != .active))
            buf.put(Draw.right(String(u.pushCount), Columns.pushes), x: x, y: y)
            if index == state.userCursor {
                buf.restyle(x: inner.x, y: y, width: inner.width) { s in
                    if focused { s.reverse = true; s.bold = true } else { s.underline = true }
                }
            }
        }
    }
}
