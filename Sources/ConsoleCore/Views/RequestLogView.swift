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
        for (i, e) in state.requestLog.suffix(rows).enumerated() {
            let y = inner.y + 1 + i
            let statusTone: Tone? = e.error != nil ? .expired : e.status.map { $0 >= 400 ? .expired : $0 >= 300 ? .expiring : .fresh }
            var x = inner.x
            x += buf.put(Draw.pad(Draw.clock(e.at, offset: state.utcOffsetSeconds), 9), x: x, y: y, style: .dim)
            x += buf.put(Draw.pad(e.method, 7), x: x, y: y, style: .bold)
            x += buf.put(Draw.right(e.status.map(String.init) ?? "—", 6), x: x, y: y, style: Style(fg: statusTone))
            x += buf.put(Draw.right(Self.milliseconds(e.latencyMs), 9), x: x, y: y)
            x += buf.put(Draw.right(e.rateLimitRemaining.map(String.init) ?? "—", 7) + "  ", x: x, y: y)
            x += buf.put(e.path, x: x, y: y, maxWidth: inner.x + inner.width - x)
            if let err = e.error {
                buf.put("  " + err, x: x, y: y, style: Style(fg: .expired), maxWidth: inner.x + inner.width - x)
            }
        }
    }

    /// `12.4` → `12ms`, rounded as `%.0f` rounds; what is not a sane duration shows as `?ms`.
    static func milliseconds(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return "?ms" }
        return String(Int(value.rounded(.toNearestOrEven))) + "ms"
    }
}
