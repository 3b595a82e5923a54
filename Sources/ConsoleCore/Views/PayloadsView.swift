import Domain
import Foundation

/// The Payloads pane: newest first, with user, type, state badge and age.
enum PayloadsView {
    static func draw(_ state: ConsoleState, _ rect: Rect, _ buf: inout Buffer) {
        let focused = state.focus == .payloads
        // Counted in place: `filter` or `reduce` copied every record (a dozen retains each) per frame.
        var open = 0
        for i in state.payloads.indices where !state.payloads[i].isFinal { open += 1 }
        Draw.box(&buf, rect, title: "3 Payloads \(state.payloads.count)", focused: focused, badge: open > 0 ? "\(open) live" : nil)
        let inner = rect.inner
        guard inner.height > 0, inner.width > 0 else { return }
        // STATE and LEFT get their full width before USER: a cut state word ("devapp fet…") says nothing.
        let ageW = 5, typeW = 14, stateW = Self.stateWidth, leftW = 5
        // Who pushed it (a desk shares one store) comes last: only when USER keeps 12 columns.
        let rest = inner.width - ageW - typeW - stateW - leftW - 5
        let byW = rest >= 25 ? min(16, rest - 13) : 0
        let userW = max(4, byW > 0 ? rest - byW - 1 : rest)
        let header = " " + Draw.right("AGE", ageW) + " " + Draw.pad("USER", userW) + " " + (byW > 0 ? Draw.pad("BY", byW) + " " : "")
            + Draw.pad("TYPE", typeW) + " " + Draw.pad("STATE", stateW) + " " + Draw.right("LEFT", leftW)
        buf.put(header, x: inner.x, y: inner.y, style: Style(bold: true, underline: true), maxWidth: inner.width)
        if state.payloads.isEmpty {
            buf.put("no payloads yet — compose a txjson and press p", x: inner.x + 2, y: inner.y + 1, style: .dim, maxWidth: inner.width - 2)
            return
        }
        let rows = inner.height - 1
        let scroll = ConsoleCore.scrolled(cursor: state.payloadCursor, scroll: state.payloadScroll, rows: rows, count: state.payloads.count)
        for i in 0..<rows {
            let index = scroll + i
            guard index < state.payloads.count else { break }
            let p = state.payloads[index]
            let y = inner.y + 1 + i
            var x = inner.x
            x += buf.put(" " + Draw.right(Shorten.duration(state.now.timeIntervalSince(p.created)), ageW) + " ", x: x, y: y)
            x += buf.put(Draw.pad(p.userName ?? p.userToken.map { Shorten.middle($0, keep: 4) } ?? "(QR only)", userW) + " ", x: x, y: y)
            if byW > 0 { x += buf.put(Draw.pad(p.operatorName ?? "—", byW) + " ", x: x, y: y, style: .dim) }
            x += buf.put(Draw.pad(p.transactionType, typeW) + " ", x: x, y: y)
            x += buf.put(Draw.pad(p.stateLabel, stateW) + " ", x: x, y: y, style: Style(fg: p.badgeTone, bold: p.isFinal || p.pushed == false))
            if let left = Self.timeLeft(p, now: state.now) {
                buf.put(Draw.right(left > 0 ? Shorten.duration(left) : "0s", leftW), x: x, y: y, style: left < 60 ? Style(fg: .expiring) : .dim)
            }
            if index == state.payloadCursor {
                buf.restyle(x: inner.x, y: y, width: inner.width) { s in
                    if focused { s.reverse = true; s.bold = true } else { s.underline = true }
                }
            }
        }
    }

    /// The widest state word (`devapp fetched`).
    static let stateWidth = 14

    /// Time until a live payload expires, when its expiry is known (`expire` minutes after creation).
    static func timeLeft(_ p: PayloadRecord, now: Date) -> TimeInterval? {
        guard !p.isFinal, let minutes = p.expireMinutes else { return nil }
        return p.created.addingTimeInterval(Double(minutes) * 60).timeIntervalSince(now)
    }
}
