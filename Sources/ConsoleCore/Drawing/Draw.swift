import Foundation

/// Small drawing helpers shared by the view functions.
enum Draw {
    /// `s` cut to `width` cells, with `…` when cut.
    static func fit(_ raw: String, _ width: Int) -> String {
        guard width > 0 else { return "" }
        let s = Sanitize.clean(raw)
        if DisplayWidth.of(s) <= width { return s }
        var out = ""
        var w = 0
        for c in s {
            let cw = DisplayWidth.of(c)
            if w + cw > width - 1 { break }
            out.append(c); w += cw
        }
        return out + "…"
    }

    /// `s` fitted and padded with spaces to exactly `width` cells.
    /// The first of `forms` (fullest first) that fits `width`, else the last one fitted.
    static func firstFitting(_ forms: [String], width: Int) -> String {
        forms.first { DisplayWidth.of($0) <= width } ?? fit(forms.last ?? "", width)
    }

    static func pad(_ s: String, _ width: Int) -> String {
        let f = fit(s, width)
        return f + String(repeating: " ", count: max(0, width - DisplayWidth.of(f)))
    }

    /// `s` fitted and right-aligned in `width` cells.
    static func right(_ s: String, _ width: Int) -> String {
        let f = fit(s, width)
        return String(repeating: " ", count: max(0, width - DisplayWidth.of(f))) + f
    }

    /// A bordered box with a title in the top edge.
    /// A box whose title badge is made of `badges`, most important first, joined by " · ": the parts
    /// that do not fit are left out whole instead of being cut mid-word.
    static func box(_ buf: inout Buffer, _ r: Rect, title: String, focused: Bool, badges: [String]) {
        // Corners, the title's padding and the badge's spaces around it.
        let room = r.width - 4 - (DisplayWidth.of(title) + 2) - 1 - 2
        var badge = ""
        for part in badges {
            let next = badge.isEmpty ? part : badge + " · " + part
            guard DisplayWidth.of(next) <= room else { break }
            badge = next
        }
        box(&buf, r, title: title, focused: focused, badge: badge.isEmpty ? nil : badge)
    }

    static func box(_ buf: inout Buffer, _ r: Rect, title: String, focused: Bool, badge: String? = nil) {
        guard r.width >= 2, r.height >= 2 else { return }
        let border = focused ? Style(fg: .accent, bold: true) : Style.dim
        let horizontal = String(repeating: "─", count: r.width - 2)
        buf.put("┌" + horizontal + "┐", x: r.x, y: r.y, style: border)
        for row in (r.y + 1)..<(r.y + r.height - 1) {
            buf.put("│", x: r.x, y: row, style: border)
            buf.put("│", x: r.x + r.width - 1, y: row, style: border)
        }
        buf.put("└" + horizontal + "┘", x: r.x, y: r.y + r.height - 1, style: border)
        let titleStyle = focused ? Style(fg: .accent, bold: true, reverse: true) : Style.bold
        var x = r.x + 2
        x += buf.put(" \(title) ", x: x, y: r.y, style: titleStyle, maxWidth: r.width - 4)
        if let badge, x < r.x + r.width - 3 {
            buf.put(" \(badge) ", x: x + 1, y: r.y, style: .plain, maxWidth: r.x + r.width - 2 - (x + 1))
        }
    }

    /// `HH:MM:SS` of `date` shifted by `offset` seconds (no calendar or locale lookups).
    static func clock(_ date: Date, offset: Int) -> String {
        let t = Int(floor(date.timeIntervalSince1970)) + offset
        let s = ((t % 86400) + 86400) % 86400
        // Built by hand: `String(format:)` goes through CoreFoundation and was a tenth of a frame.
        return twoDigits(s / 3600) + ":" + twoDigits((s / 60) % 60) + ":" + twoDigits(s % 60)
    }

    /// `7` → `07` (0...99).
    static func twoDigits(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }

    /// `100000` → `100,000`.
    static func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}
