import Domain

/// Modal layers: help, template picker, push confirm, cancel confirm.
enum OverlayView {
    typealias Line = [(String, Style)]

    static func draw(_ state: ConsoleState, _ overlay: Overlay, _ buf: inout Buffer) {
        switch overlay {
        case .help: help(state, &buf)
        case .templates(let cursor): templates(state, cursor, &buf)
        case .confirmPush(let confirm): confirmPush(state, confirm, &buf)
        case .confirmCancel(let uuid): confirmCancel(state, uuid, &buf)
        case .qr(let uuid): QRZoomView.draw(state, uuid, &buf)
        }
    }

    /// Body rows a panel of `lineCount` lines gets on a screen `height` tall.
    static func bodyRows(lineCount: Int, height: Int) -> Int { max(0, min(lineCount + 4, height - 2) - 4) }

    /// Draws a centred box of at most `width` cells holding `lines` from `scroll` on (clipped), with
    /// a bottom hint; lines above or below the box are counted in its last rows.
    static func panel(_ buf: inout Buffer, title: String, width: Int, lines: [Line], hint: String, highlight: Int? = nil, scroll: Int = 0) {
        let w = min(width, buf.width - 4)
        let h = min(lines.count + 4, buf.height - 2)
        let rect = Rect(x: (buf.width - w) / 2, y: max(1, (buf.height - h) / 2), width: w, height: h)
        buf.fill(x: rect.x, y: rect.y, width: rect.width, height: rect.height)
        Draw.box(&buf, rect, title: title, focused: true)
        let inner = rect.inner
        let bodyRows = inner.height - 2
        let scroll = max(0, min(scroll, lines.count - bodyRows))
        if scroll > 0 || lines.count > bodyRows {
            let below = lines.count - scroll - bodyRows
            let where_ = [scroll > 0 ? "↑ \(scroll) above" : nil, below > 0 ? "↓ \(below) more" : nil].compactMap { $0 }.joined(separator: " · ")
            buf.put(where_ + " — j/k scroll", x: inner.x + 1, y: inner.y + bodyRows, style: .dim, maxWidth: inner.width - 2)
        }
        for (i, line) in lines.dropFirst(scroll).prefix(bodyRows).enumerated() {
            var x = inner.x + 1
            for (text, style) in line { x += buf.put(text, x: x, y: inner.y + i, style: style, maxWidth: inner.x + inner.width - 1 - x) }
            if i + scroll == highlight { buf.restyle(x: inner.x, y: inner.y + i, width: inner.width) { $0.reverse = true; $0.bold = true } }
        }
        buf.put(hint, x: inner.x + 1, y: inner.y + inner.height - 1, style: Style(fg: .accent, bold: true), maxWidth: inner.width - 2)
    }

    /// Every line of the help overlay: all bindings, by section.
    static func helpLines(_ state: ConsoleState) -> [Line] {
        let columns = helpColumns(state)
        let columnWidth = (helpPanelWidth(state) - 4) / columns
        var lines: [Line] = []
        for (title, rows) in Keymap.helpSections(readOnly: state.readOnly) {
            if !lines.isEmpty { lines.append([]) }
            lines.append([(title, Style(fg: .accent, bold: true))])
            for (keys, text) in rows {
                // Long descriptions wrap under themselves rather than run off the panel.
                for (i, part) in wrapped(text, width: max(10, columnWidth - 2 - 12)).enumerated() {
                    lines.append([("  " + Draw.pad(i == 0 ? keys : "", 10), .bold), (part, .plain)])
                }
            }
        }
        guard columns == 2 else { return lines }
        // Two columns side by side, split at the section break nearest the middle.
        let breaks = lines.indices.filter { lines[$0].isEmpty }
        let split = breaks.min { abs($0 - lines.count / 2) < abs($1 - lines.count / 2) } ?? lines.count / 2
        let left = Array(lines[..<split]), right = Array(lines[min(lines.count, split + 1)...])
        return (0..<max(left.count, right.count)).map { row in
            var line = row < left.count ? left[row] : []
            let used = line.reduce(0) { $0 + DisplayWidth.of($1.0) }
            line.append((String(repeating: " ", count: max(1, columnWidth - used)), .plain))
            if row < right.count { line += right[row] }
            return line
        }
    }

    /// Two columns of help when the screen is wide enough for two readable ones.
    static func helpColumns(_ state: ConsoleState) -> Int { state.width >= 110 ? 2 : 1 }

    /// The help panel's width: one column of up to 96 cells, or two filling up to 150.
    static func helpPanelWidth(_ state: ConsoleState) -> Int {
        helpColumns(state) == 2 ? min(150, state.width - 4) : min(96, state.width - 4)
    }

    /// `text` broken into lines of at most `width` cells: at double spaces when it is a list of
    /// items (`:user NAME  :push`), else at spaces (a longer item is cut).
    static func wrapped(_ text: String, width: Int) -> [String] {
        let gap = text.contains("  ") ? "  " : " "
        var lines: [String] = [], line = ""
        for word in text.components(separatedBy: gap) {
            let candidate = line.isEmpty ? word : line + gap + word
            if DisplayWidth.of(candidate) <= width || line.isEmpty { line = candidate } else { lines.append(line); line = word }
        }
        lines.append(line)
        return lines.map { Draw.fit($0, width) }
    }

    /// Help lines visible at once on this screen.
    /// The help's line count and the rows of it visible at once on this screen (built once per call).
    static func helpExtent(_ state: ConsoleState) -> (lines: Int, rows: Int) {
        let count = helpLines(state).count
        return (count, bodyRows(lineCount: count, height: state.height))
    }

    static func help(_ state: ConsoleState, _ buf: inout Buffer) {
        let lines = helpLines(state)
        let scrollable = lines.count > bodyRows(lineCount: lines.count, height: state.height)
        panel(&buf, title: "Help — keys", width: helpPanelWidth(state), lines: lines, hint: scrollable ? "j/k PgDn scroll · Esc/?/q close" : "Esc/?/q close",
              scroll: state.helpScroll)
    }

    static func templates(_ state: ConsoleState, _ cursor: Int, _ buf: inout Buffer) {
        var lines: [Line] = []
        if state.templates.isEmpty { lines.append([("no templates loaded", .dim)]) }
        // The name column fits the longest name, so no name runs into its title.
        let nameWidth = (state.templates.map { DisplayWidth.of($0.name) }.max() ?? 0) + 2
        for t in state.templates { lines.append([(Draw.pad(t.name, nameWidth), .bold), (t.title, .plain)]) }
        if state.templates.indices.contains(cursor) {
            lines.append([])
            lines.append([(state.templates[cursor].purpose, .dim)])
        }
        panel(&buf, title: "Templates", width: 72, lines: lines, hint: "Enter load · Esc close",
              highlight: state.templates.isEmpty ? nil : cursor)
    }

    static func confirmPush(_ state: ConsoleState, _ confirm: PushConfirm, _ buf: inout Buffer) {
        let req = confirm.request
        var lines: [Line] = []
        let bulk = req.userTokens.count > 1
        lines.append([(bulk ? "To \(req.userTokens.count) users (one payload each):" : "To:", .bold)])
        let maxListed = bulk ? 5 : 1
        var inactive = 0
        for token in req.userTokens {
            if confirm.verified?[token] == false { inactive += 1 }
        }
        for token in req.userTokens.prefix(maxListed) {
            let u = state.users.user(token: token)
            // Narrower names on a narrow screen, so the token's state is never cut.
            var line: Line = [("  " + Draw.pad(u?.displayName ?? "?", state.width < 100 ? 14 : 20), Style(fg: .accent, bold: true)),
                              (Draw.pad(u?.account.map { Shorten.middle($0, keep: 8) } ?? "—", 18), .plain), ("token " + Shorten.middle(token, keep: 4) + "  ", .dim)]
            switch confirm.verified?[token] {
            case nil: line.append((confirm.verified == nil ? "checking token…" : "not verified", .dim))
            case true?: line.append(("✓ token active", Style(fg: .fresh)))
            case false?: line.append(("⚠ expired/revoked", Style(fg: .expiring, bold: true)))
            }
            lines.append(line)
        }
        if req.userTokens.count > maxListed { lines.append([("  … and \(req.userTokens.count - maxListed) more", .dim)]) }
        let room = min(100, state.width - 4) - 4
        if inactive > 0 {
            // Wrapped to the panel's text width (the panel is at most 100 wide, 4 narrower than the screen).
            for part in wrapped("⚠ \(inactive) of \(req.userTokens.count): token expired or revoked — the payload is still created; the user needs its QR/deep link (z)", width: room) {
                lines.append([(part, Style(fg: .expiring, bold: true))])
            }
        }
        let live = ConsoleCore.livePayloads(for: req.userTokens, in: state)
        var warned = Set<String>()
        for p in live where warned.count < 3 && warned.insert(p.userToken ?? "").inserted {
            for part in wrapped("⚠ " + ConsoleCore.liveWarning(p, state: state), width: room) {
                lines.append([(part, Style(fg: .expiring, bold: true))])
            }
        }
        let alsoLive = Set(live.compactMap(\.userToken)).count - warned.count
        if alsoLive > 0 { lines.append([("⚠ … and \(alsoLive) more target(s) with a live payload", Style(fg: .expiring, bold: true))]) }
        if state.store.offline != nil {
            for part in wrapped("⚠ store offline — y waits: a push that cannot be recorded is not sent", width: room) {
                lines.append([(part, Style(fg: .expired, bold: true))])
            }
        }
        lines.append([("Options: ", .bold), ("expire " + (req.expireMinutes.map { "\($0) min" } ?? "platform default"), .plain),
                      (" · instruction " + (req.instruction.map { "\"\($0)\"" } ?? "—"), .plain)])
        lines.append([("txjson (sent exactly as shown):", .bold)])
        for line in req.txjsonText.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append([("  " + line, Style(fg: .info))])
        }
        let title = bulk ? "Confirm bulk push" : "Confirm push"
        panel(&buf, title: title, width: 100, lines: lines, hint: "y send · n/Esc cancel — nothing is sent without y")
    }

    static func confirmCancel(_ state: ConsoleState, _ uuid: String, _ buf: inout Buffer) {
        let p = state.payloads.first { $0.uuid == uuid }
        let lines: [Line] = [
            [("Cancel this payload?", .bold)],
            [("uuid  ", .dim), (uuid, .plain)],
            [("user  ", .dim), (p?.userName ?? "—", .plain), ("   type ", .dim), (p?.transactionType ?? "—", .plain),
             ("   state ", .dim), (p?.stateLabel ?? "—", .plain)],
        ]
        panel(&buf, title: "Confirm cancel", width: 70, lines: lines, hint: "y cancel payload · n/Esc keep")
    }
}
