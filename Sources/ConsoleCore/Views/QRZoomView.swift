import Domain

/// The QR screen (``Overlay/qr(uuid:)``): the payload's QR code whole and centred, with its 4-module
/// quiet zone (``QRText``), the deep link under it and the close hint. It replaces the panes.
///
/// Layouts, the roomiest that fits: a title line, the code, the link, the hint (each on its own line);
/// without the title; the link and the hint sharing the line under the code. When none fits, the screen
/// says which size the code needs.
enum QRZoomView {
    /// How the code and its text are placed on a screen of a given size.
    enum Plan: Equatable {
        /// The link and the hint on lines of their own; `title` when a title line fits above the code.
        case stacked(title: Bool)
        /// The link and the hint on one line under the code.
        case oneLine
        /// Nothing fits: the smallest terminal that shows it all.
        case tooSmall(width: Int, height: Int)
    }

    static let separator = "   "

    /// The plan for a code of `qrWidth × qrHeight` cells with a link and a hint of the given widths.
    static func plan(qrWidth: Int, qrHeight: Int, linkWidth: Int, hintWidth: Int, width: Int, height: Int) -> Plan {
        let stackedWidth = max(qrWidth, linkWidth, hintWidth), stackedHeight = qrHeight + 2
        let lineWidth = max(qrWidth, linkWidth + separator.count + hintWidth), lineHeight = qrHeight + 1
        if width >= stackedWidth, height >= stackedHeight { return .stacked(title: height >= stackedHeight + 1) }
        if width >= lineWidth, height >= lineHeight { return .oneLine }
        // Name the size that asks the least growth of this terminal.
        let growth = { (w: Int, h: Int) in max(0, w - width) + max(0, h - height) }
        return growth(stackedWidth, stackedHeight) <= growth(lineWidth, lineHeight)
            ? .tooSmall(width: stackedWidth, height: stackedHeight) : .tooSmall(width: lineWidth, height: lineHeight)
    }

    static func draw(_ state: ConsoleState, _ uuid: String, _ buf: inout Buffer) {
        let hint = Keymap.hints(for: state).map { "\($0.0) \($0.1)" }.joined(separator: " · ")
        guard let p = state.payloads.first(where: { $0.uuid == uuid }) else {
            message(&buf, ["payload \(Shorten.middle(uuid, keep: 4)) is no longer listed"], hint: hint)
            return
        }
        guard let rawLink = p.deepLink else {
            message(&buf, ["no deep link for this payload — the platform gave none, so there is no QR to show"], hint: hint)
            return
        }
        let link = Sanitize.clean(rawLink)
        guard let modules = state.qrCodes[uuid], !modules.isEmpty else {
            message(&buf, ["rendering QR…"], link: link, hint: hint)
            return
        }
        let qr = QRText.lines(modules)
        let qrWidth = qr.first.map { DisplayWidth.of($0) } ?? 0
        let linkWidth = DisplayWidth.of(link), hintWidth = DisplayWidth.of(hint)
        let layout = Self.plan(qrWidth: qrWidth, qrHeight: qr.count, linkWidth: linkWidth, hintWidth: hintWidth,
                        width: buf.width, height: buf.height)
        let linkStyle = Style(underline: true), hintStyle = Style(fg: .accent, bold: true)
        switch layout {
        case .tooSmall(let w, let h):
            message(&buf, ["QR needs \(w)×\(h), terminal is \(buf.width)×\(buf.height) — enlarge the window or zoom out"],
                    hint: hint, firstStyle: Style(fg: .expiring, bold: true))
        case .stacked(let title):
            let titleText = [p.userName ?? "QR only", p.transactionType, p.stateLabel].joined(separator: " · ")
            // The title is a courtesy: left out whole when it does not fit.
            let showTitle = title && DisplayWidth.of(Sanitize.clean(titleText)) <= buf.width
            let block = (showTitle ? 1 : 0) + qr.count + 2
            var y = (buf.height - block) / 2
            if showTitle { centre(&buf, Sanitize.clean(titleText), y: y, style: .bold); y += 1 }
            drawCode(&buf, qr, width: qrWidth, y: y)
            y += qr.count
            centre(&buf, link, y: y, style: linkStyle)
            centre(&buf, hint, y: y + 1, style: hintStyle)
        case .oneLine:
            let y = (buf.height - qr.count - 1) / 2
            drawCode(&buf, qr, width: qrWidth, y: y)
            let x = max(0, (buf.width - linkWidth - separator.count - hintWidth) / 2)
            let after = x + buf.put(link, x: x, y: y + qr.count, style: linkStyle) + separator.count
            buf.put(hint, x: after, y: y + qr.count, style: hintStyle)
        }
    }

    private static func drawCode(_ buf: inout Buffer, _ qr: [String], width: Int, y: Int) {
        let x = (buf.width - width) / 2
        for (i, line) in qr.enumerated() { buf.put(line, x: x, y: y + i, style: QRText.style) }
    }

    private static func centre(_ buf: inout Buffer, _ text: String, y: Int, style: Style) {
        buf.put(text, x: max(0, (buf.width - DisplayWidth.of(text)) / 2), y: y, style: style)
    }

    /// Centred text lines (wrapped at spaces), then the link (fitted) and the hint.
    private static func message(_ buf: inout Buffer, _ texts: [String], link: String? = nil, hint: String,
                                firstStyle: Style = .bold) {
        var lines: [(String, Style)] = []
        for (i, text) in texts.enumerated() {
            lines += wrap(text, width: buf.width).map { ($0, i == 0 ? firstStyle : .plain) }
        }
        if let link { lines.append((Draw.fit(link, buf.width), Style(underline: true))) }
        lines.append(("", .plain))
        lines += wrap(hint, width: buf.width).map { ($0, Style(fg: .accent, bold: true)) }
        let top = max(0, (buf.height - lines.count) / 2)
        for (i, line) in lines.enumerated() { centre(&buf, line.0, y: top + i, style: line.1) }
    }

    /// `text` broken at spaces into lines of at most `width` cells; a word wider than that is fitted.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = [], current = ""
        for word in text.split(separator: " ").map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if DisplayWidth.of(candidate) <= width { current = candidate; continue }
            if !current.isEmpty { lines.append(current) }
            current = Draw.fit(word, width)
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
