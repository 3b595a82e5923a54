import Foundation
import Domain

/// The Detail pane: the selected payload's timeline, result fields, and the QR fallback when not pushed.
enum DetailView {
    /// One line of the detail text: segments with styles.
    typealias Line = [(String, Style)]

    static func draw(_ state: ConsoleState, _ rect: Rect, _ buf: inout Buffer) {
        let focused = state.focus == .detail
        guard let p = state.selectedPayload else {
            Draw.box(&buf, rect, title: "4 Detail", focused: focused)
            buf.put("select a payload in Payloads (3)", x: rect.inner.x + 1, y: rect.inner.y, style: .dim, maxWidth: rect.inner.width - 1)
            return
        }
        Draw.box(&buf, rect, title: "4 Detail", focused: focused, badge: p.stateLabel.uppercased())
        let inner = rect.inner
        guard inner.height > 0, inner.width > 4 else { return }
        let lines = content(state, p, width: inner.width)
        let scroll = max(0, min(state.detailScroll, max(0, lines.count - inner.height)))
        for (i, line) in lines.dropFirst(scroll).prefix(inner.height).enumerated() {
            var x = inner.x
            for (text, style) in line {
                x += buf.put(text, x: x, y: inner.y + i, style: style, maxWidth: inner.x + inner.width - x)
            }
        }
    }

    static func content(_ state: ConsoleState, _ p: PayloadRecord, width: Int) -> [Line] {
        let label = { (s: String) -> (String, Style) in (Draw.pad(s, 13), Style.bold) }
        var out: [Line] = []
        out.append([label("uuid"), (p.uuid, .plain)])
        out.append([label("user"), (p.userName ?? "—", .plain), (p.userToken.map { "  " + Shorten.middle($0, keep: 4) } ?? "", .dim)])
        out.append([label("type"), (p.transactionType, Style(fg: .accent)),
                    ("   expire ", .dim), (p.expireMinutes.map { "\($0) min" } ?? "default", .plain)])
        if let instruction = p.instruction { out.append([label("instruction"), (instruction, .plain)]) }
        if let op = p.operatorName { out.append([label("pushed by"), (op == state.operatorName ? "\(op) (you)" : op, .plain)]) }
        out.append([label("state"), (p.stateLabel, Style(fg: p.badgeTone, bold: true)),
                    (p.unconfirmedResolution != nil ? " confirming…" : "", .dim)])
        // Who follows it, when another process does: its progress arrives through the store.
        if !p.isFinal, let elsewhere = state.store.followedElsewhere[p.uuid] {
            out.append([label("followed by"), (elsewhere.holder ?? "another process", .dim)])
        }
        if let r = p.result {
            out.append([])
            out.append([("Result", Style(fg: .accent, bold: true))])
            out.append([label("  outcome"), (r.outcome.rawValue, Style(fg: r.outcome == .signed ? .fresh : .expired, bold: true))])
            if let txid = r.txid {
                // A txid is 64 hex characters: wrapped under itself when the pane is narrower, never cut.
                let room = max(8, width - 13)
                var rest = Substring(txid), first = true
                while !rest.isEmpty {
                    out.append([first ? label("  txid") : (String(repeating: " ", count: 13), .plain), (String(rest.prefix(room)), .plain)])
                    rest = rest.dropFirst(room)
                    first = false
                }
            }
            if let d = r.dispatchedResult {
                out.append([label("  dispatched"), (d, Style(fg: d == "tesSUCCESS" ? .fresh : .expired)), (r.dispatchedNodeType.map { "  (\($0))" } ?? "", .dim)])
            }
            if let network = r.network {
                let mainnet = network.uppercased() == "MAINNET"
                out.append([label("  network"), (network, mainnet ? .plain : Style(fg: .expiring, bold: true, reverse: true)),
                            (mainnet ? "" : "  ⚠ not MAINNET", Style(fg: .expiring, bold: true))])
            }
            if let signer = r.signerAccount { out.append([label("  signer"), (signer, .plain)]) }
        }
        if p.pushed == false {
            out.append([])
            out.append([("not pushed — token expired or revoked", Style(fg: .expiring, bold: true))])
            out.append([("QR: z", Style(fg: .accent, bold: true)), ("  shows the code whole, full screen, to scan", .plain)])
            out.append([label("deep link"), (p.deepLink ?? "(waiting for the platform)", Style(underline: true))])
            if let modules = state.qrCodes[p.uuid] {
                out.append(contentsOf: qrLines(modules).map { [("  ", Style.plain), ($0, QRText.style)] })
            } else if p.deepLink != nil {
                out.append([("  QR code pending…", .dim)])
            }
        }
        out.append([])
        out.append([("Timeline", Style(fg: .accent, bold: true))])
        var events = p.events
        if !events.contains(where: { $0.kind == .created }) { events.insert(PayloadEvent(at: p.created, kind: .created), at: 0) }
        for e in events {
            let tone = e.kind.timelineTone
            out.append([("  " + Draw.clock(e.at, offset: state.utcOffsetSeconds) + "  ", .dim),
                        (Draw.pad(e.kind.timelineLabel, 14), Style(fg: tone, bold: tone != nil)),
                        (e.kind.isUnconfirmed ? p.unconfirmedNote(e.kind) : e.operatorNote, e.kind.isUnconfirmed ? .dim : .plain)])
        }
        return out
    }

    static func qrLines(_ modules: [[Bool]]) -> [String] { QRText.lines(modules) }
}
