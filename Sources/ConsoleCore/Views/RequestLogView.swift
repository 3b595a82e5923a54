import Foundation

/// The request log (toggled with `L`): newest API calls at the bottom.
enum RequestLogView {
    static func draw(_ state: ConsoleState, _ rect: Rect, _ buf: inout Buffer) {
        Draw.box(&buf, rect, title: "Request log \(state.requestLog.count)", focused: false, badge: "L hides")
        let inner = rect.inner
        guard inner.height > 0 else { return }
        let header = Draw.pad("TIME", 9) + Draw.pad("METHOD", 7) + Draw.right("STATUS", 6) + Draw.right("LATENCY", 9) + Draw.right("REMAIN", 7) + "  PATH / ERROR"
        buf.put(header, x: inner.x, y: inner.y, style: Style(bold: true, underline: true), maxWidth: inner.width)
        if state.requestLog.isEmpty {
            buf.put("no API calls yet", x: inner.x, y: inner.y + 1, style: .dim, maxWidth: inner.width)
            return
        }
        let rows = inner.height - 1
        // Fixed columns, then PATH / ERROR; a long error wraps under that column (at most three
        // lines an entry), so its code and reference are never cut off the right edge.
        let fixed = 9 + 7 + 6 + 9 + 7 + 2
        let room = max(8, inner.width - fixed)
        // On a narrow screen the continuation lines use the whole width (indented 2), not PATH's column.
        let indent = room < 60 ? 2 : fixed
        let continuationRoom = max(8, inner.width - indent)
        var lines: [(entry: RequestLogEntry, text: String, first: Bool)] = []
        for e in state.requestLog.suffix(rows) {
            // Cleaned first: a control sequence in remote text would be dropped at drawing and leave a blank line.
            let rest = Sanitize.clean(e.error.map { e.path + " " + $0 } ?? e.path).trimmingCharacters(in: .whitespaces)
            var parts = [rest]
            if DisplayWidth.of(rest) > room {
                let head = OverlayView.wrapped(rest, width: room)[0]
                let tail = rest.dropFirst(head.count).trimmingCharacters(in: .whitespaces)
                parts = [head] + (tail.isEmpty ? [] : OverlayView.wrapped(tail, width: continuationRoom))
            }
            for (i, part) in parts.prefix(4).enumerated() { lines.append((e, part, i == 0)) }
        }
        for (i, line) in lines.suffix(rows).enumerated() {
            let e = line.entry
            let y = inner.y + 1 + i
            var x = inner.x
            if line.first {
                let statusTone: Tone? = e.error != nil ? .expired : e.status.map { $0 >= 400 ? .expired : $0 >= 300 ? .expiring : .fresh }
                x += buf.put(Draw.pad(Draw.clock(e.at, offset: state.utcOffsetSeconds), 9), x: x, y: y, style: .dim)
                x += buf.put(Draw.pad(e.method, 7), x: x, y: y, style: .bold)
                x += buf.put(Draw.right(e.status.map(String.init) ?? "—", 6), x: x, y: y, style: Style(fg: statusTone))
                x += buf.put(Draw.right(Self.milliseconds(e.latencyMs), 9), x: x, y: y)
                x += buf.put(Draw.right(e.rateLimitRemaining.map(String.init) ?? "—", 7) + "  ", x: x, y: y)
            } else {
                x += indent
            }
            // The path plain, the error (after it, or on its continuation lines) in the error tone.
            if line.first, e.error != nil, line.text.hasPrefix(e.path) {
                x += buf.put(e.path, x: x, y: y, maxWidth: inner.x + inner.width - x)
                buf.put(String(line.text.dropFirst(e.path.count)), x: x, y: y, style: Style(fg: .expired), maxWidth: inner.x + inner.width - x)
            } else {
                buf.put(line.text, x: x, y: y, style: e.error != nil && !line.first ? Style(fg: .expired) : .plain, maxWidth: inner.x + inner.width - x)
            }
        }
    }

    /// `12.4` → `12ms`, rounded as `%.0f` rounds; what is not a sane duration shows as `?ms`.
    static func milliseconds(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return "?ms" }
        return String(Int(value.rounded(.toNearestOrEven))) + "ms"
    }
}
