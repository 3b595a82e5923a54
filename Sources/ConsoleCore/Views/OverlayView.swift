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

    /// Draws a centred box of at most `width` cells holding `lines` (clipped), with a bottom hint.
    static func panel(_ buf: inout Buffer, title: String, width: Int, lines: [Line], hint: String, highlight: Int? = nil) {
        let w = min(width, buf.width - 4)
        let h = min(lines.count + 4, buf.height - 2)
        let rect = Rect(x: (buf.width - w) / 2, y: max(1, (buf.height - h) / 2), width: w, height: h)
        buf.fill(x: rect.x, y: rect.y, width: rect.width, height: rect.height)
        Draw.box(&buf, rect, title: title, focused: true)
        let inner = rect.inner
        let bodyRows = inner.height - 2
        for (i, line) in lines.prefix(bodyRows).enumerated() {
            var x = inner.x + 1
            for (text, style) in line { x += buf.put(text, x: x, y: inner.y + i, style: style, maxWidth: inner.x + inner.width - 1 - x) }
            if i == highlight { buf.restyle(x: inner.x, y: inner.y + i, width: inner.width) { $0.reverse = true; $0.bold = true } }
        }
        if lines.count > bodyRows {
            buf.put("… \(lines.count - bodyRows) more line(s)", x: inner.x + 1, y: inner.y + bodyRows, style: .dim, maxWidth: inner.width - 2)
        }
        buf.put(hint, x: inner.x + 1, y: inner.y + inner.height - 1, style: Style(fg: .accent, bold: true), maxWidth: inner.width - 2)
    }

    static func help(_ state: ConsoleState, _ buf: inout Buffer) {
        var lines: [Line] = []
        for (title, rows) in Keymap.helpSections(readOnly: state.readOnly) {
            if !lines.isEmpty { lines.append([]) }
            lines.append([(title, Style(fg: .accent, bold: true))])
            for (keys, text) in rows { lines.append([("  " + Draw.pad(keys, 10), .bold), (text, .plain)]) }
        }
        panel(&buf, title: "Help — keys", width: 96, lines: lines, hint: "Esc/?/q close")
    }

    static func templates(_ state: ConsoleState, _ cursor: Int, _ buf: inout Buffer) {
        var lines: [Line] = []
        if state.templates.isEmpty { lines.append([("no templates loaded", .dim)]) }
        for t in state.templates { lines.append([(Draw.pad(t.name, 18), .bold), (t.title, .plain)]) }
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
            var line: Line = [("  " + Draw.pad(u?.displayName ?? "?", 20), Style(fg: .accent, bold: true)),
                              (Draw.pad(u?.account.map { Shorten.middle($0, keep: 8) } ?? "—", 18), .plain), ("token " + Shorten.middle(token, keep: 4) + "  ", .dim)]
            switch confirm.verified?[token] {
            case nil: line.append((confirm.verified == nil ? "checking token…" : "not verified", .dim))
            case true?: line.append(("✓ token active", Style(fg: .fresh)))
            case false?: line.append(("⚠ token expired or revoked", Style(fg: .expiring, bold: true)))
            }
            lines.append(line)
        }
        if req.userTokens.count > maxListed { lines.append([("  … and \(req.userTokens.count - maxListed) more", .dim)]) }
        if inactive > 0 {
            lines.append([("⚠ \(inactive) of \(req.userTokens.count): token expired or revoked — payload will be created, fall back to QR/deep link", Style(fg: .expiring, bold: true))])
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
