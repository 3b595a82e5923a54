import Foundation
import Domain

extension ConsoleCore {
    /// Renders the whole screen for a `width × height` terminal.
    public static func view(_ state: ConsoleState, width: Int, height: Int) -> Buffer {
        var buf = Buffer(width: width, height: height, monochrome: state.noColor)
        guard width > 0, height > 0 else { return buf }
        // The QR screen replaces everything, and says itself when the terminal is too small for the code.
        if case .qr(let uuid)? = state.overlay {
            QRZoomView.draw(state, uuid, &buf)
            return buf
        }
        let layout = Layout(width: width, height: height, focus: state.focus, showLog: state.showLog)
        if layout.tooSmall {
            drawTooSmall(&buf, width: width, height: height)
            return buf
        }
        drawHeader(state, layout, &buf)
        for (pane, rect) in layout.panes {
            switch pane {
            case .users: UsersView.draw(state, rect, &buf)
            case .compose: ComposeView.draw(state, rect, &buf)
            case .payloads: PayloadsView.draw(state, rect, &buf)
            case .detail: DetailView.draw(state, rect, &buf)
            }
        }
        if let log = layout.log { RequestLogView.draw(state, log, &buf) }
        drawStatus(state, layout, &buf)
        drawFooter(state, layout, &buf)
        if let overlay = state.overlay { OverlayView.draw(state, overlay, &buf) }
        return buf
    }

    static func drawTooSmall(_ buf: inout Buffer, width: Int, height: Int) {
        let lines = ["terminal too small (have \(width)×\(height), need \(Layout.minWidth)×\(Layout.minHeight))", "q quits"]
        for (i, line) in lines.enumerated() {
            let fitted = Draw.fit(line, width)
            let x = max(0, (width - DisplayWidth.of(fitted)) / 2)
            buf.put(fitted, x: x, y: max(0, height / 2 - 1) + i, style: i == 0 ? Style(fg: .expiring, bold: true) : .plain)
        }
    }

    static func drawHeader(_ state: ConsoleState, _ layout: Layout, _ buf: inout Buffer) {
        let bar = Style(reverse: true)
        buf.fill(x: 0, y: 0, width: buf.width, height: 1, style: bar)
        var x = buf.put(" PushDesk ", x: 0, y: 0, style: Style(fg: .accent, bold: true, reverse: true))
        // Each part in its forms, fullest first; "" leaves a part out. When the line is too wide the
        // parts shrink in `shrinkOrder` (least needed first), whole forms at a time, never mid-word.
        var parts: [[String]] = [[state.backend]]
        let offlinePart = state.store.offline == nil ? nil : parts.count
        if offlinePart != nil { parts.append(["store offline — reconnecting", "store offline"]) }
        let ratePart = parts.count
        if let r = state.rateLimitRemaining {
            let limit = state.rateLimitLimit.map { "/\($0)" } ?? ""
            parts.append(["rate \(r)\(limit) left", "rate \(r)\(limit)"])
        } else {
            parts.append(["rate —"])
        }
        let inboxPart = parts.count
        parts.append(state.inboxAddress.map { address in
            ["inbox \(address) · \(state.inboxDeliveries) deliveries", "inbox · \(state.inboxDeliveries) deliveries", "inbox \(state.inboxDeliveries)", ""]
        } ?? ["inbox off", ""])
        if let bulk = state.bulk, !bulk.finished { parts.append(["bulk \(bulk.done)/\(bulk.total)"]) }
        if state.readOnly { parts.append(["READ-ONLY"]) }
        var tabsPart: Int?
        if layout.compact {
            tabsPart = parts.count
            parts.append([
                Pane.allCases.map { $0 == state.focus ? "[\($0.rawValue) \($0.title)]" : "\($0.rawValue) \($0.title)" }.joined(separator: " "),
                Pane.allCases.map { $0 == state.focus ? "[\($0.rawValue) \($0.title)]" : "\($0.rawValue)" }.joined(separator: " "),
            ])
        }
        let clock = " " + Draw.clock(state.now, offset: state.utcOffsetSeconds) + " "
        let room = buf.width - x - DisplayWidth.of(clock)
        let shrinkOrder = [inboxPart] + (tabsPart.map { [$0] } ?? []) + [ratePart] + (offlinePart.map { [$0] } ?? [])
        let line = fittedParts(parts, shrinkOrder: shrinkOrder, room: room)
        let start = x
        x += buf.put(Draw.fit(line, room), x: x, y: 0, style: bar, maxWidth: room)
        // The one part that is an alarm stands out from the bar.
        if offlinePart != nil, let r = line.range(of: "store offline") {
            let at = start + DisplayWidth.of(String(line[..<r.lowerBound]))
            let width = line[r.lowerBound...].hasPrefix("store offline — reconnecting") ? DisplayWidth.of("store offline — reconnecting") : DisplayWidth.of("store offline")
            buf.restyle(x: at, y: 0, width: min(width, max(0, start + room - at))) { s in s = Style(fg: .expired, bold: true) }
        }
        buf.put(clock, x: buf.width - DisplayWidth.of(clock), y: 0, style: Style(bold: true, reverse: true))
    }

    /// `parts` joined by " │ " at their fullest forms that fit `room`: the parts in `shrinkOrder`
    /// take shorter forms one at a time, and only when every part is at its shortest is one left
    /// out (a form of "").
    static func fittedParts(_ parts: [[String]], shrinkOrder: [Int], room: Int) -> String {
        var chosen = parts.map { _ in 0 }
        func line() -> String { " " + zip(parts, chosen).map { $0[$1] }.filter { !$0.isEmpty }.joined(separator: " │ ") }
        for dropping in [false, true] {
            for part in shrinkOrder {
                while DisplayWidth.of(line()) > room, chosen[part] + 1 < parts[part].count,
                      dropping || !parts[part][chosen[part] + 1].isEmpty {
                    chosen[part] += 1
                }
            }
        }
        return line()
    }

    static func drawStatus(_ state: ConsoleState, _ layout: Layout, _ buf: inout Buffer) {
        let y = layout.statusRow
        switch state.mode {
        case .command:
            let x = buf.put(":" + state.commandText, x: 0, y: y, style: .bold)
            buf.put(" ", x: x, y: y, style: .reverse)
            return
        case .filter:
            let x = buf.put("/" + state.users.query, x: 0, y: y, style: .bold)
            buf.put(" ", x: x, y: y, style: .reverse)
            buf.put("  \(Draw.grouped(state.users.visible.count)) match", x: x + 1, y: y, style: .dim)
            return
        case .edit, .normal:
            break
        }
        if let status = state.status {
            let style = status.isError ? Style(fg: .expired, bold: true) : Style(fg: .info)
            buf.put((status.isError ? "✗ " : "") + status.text, x: 0, y: y, style: style, maxWidth: buf.width)
            return
        }
        var parts: [String] = []
        let targets = state.pushTargets
        if targets.count == 1, let u = state.users.user(token: targets[0]) {
            parts.append("target \(u.displayName)")
        } else if targets.count > 1 {
            parts.append("\(targets.count) users selected")
        } else {
            parts.append("no push target")
        }
        let errors = state.errorCount, warnings = state.findings.count - errors
        parts.append(errors + warnings == 0 ? "txjson ok" : "txjson \(errors) error(s), \(warnings) warning(s)")
        buf.put(parts.joined(separator: " · "), x: 0, y: y, style: .dim, maxWidth: buf.width)
    }

    static func drawFooter(_ state: ConsoleState, _ layout: Layout, _ buf: inout Buffer) {
        let y = layout.footerRow
        let hints = Keymap.hints(for: state)
        let pinned = hints.filter { Keymap.pinned.contains($0.0) }
        let rest = hints.filter { !Keymap.pinned.contains($0.0) }
        let width = { (h: [(String, String)]) in h.reduce(0) { $0 + DisplayWidth.of($1.0) + DisplayWidth.of($1.1) + 3 } }
        let right = width(pinned)
        var x = 0
        for (label, help) in rest {
            let need = DisplayWidth.of(label) + DisplayWidth.of(help) + 3
            if x + need > buf.width - right { break }
            x += buf.put(label, x: x, y: y, style: Style(fg: .accent, bold: true))
            x += buf.put(" \(help)  ", x: x, y: y, style: .plain)
        }
        x = max(x, buf.width - right)
        for (label, help) in pinned {
            x += buf.put(label, x: x, y: y, style: Style(fg: .accent, bold: true))
            x += buf.put(" \(help)  ", x: x, y: y, style: .plain)
        }
    }
}
