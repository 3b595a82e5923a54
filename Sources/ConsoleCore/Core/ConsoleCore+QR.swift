import Domain

extension ConsoleCore {
    /// Opens the QR screen (``Overlay/qr(uuid:)``) on the selected payload, pushed or not, and asks the
    /// Runtime for its modules when they are not known yet.
    static func openQR(_ state: inout ConsoleState) -> [Cmd] {
        guard let p = state.selectedPayload else {
            state.status = StatusLine("no payload selected", isError: true)
            return []
        }
        state.overlay = .qr(uuid: p.uuid)
        state.mode = .normal
        return qrNeeded(state, p)
    }

    /// `renderQR` for `record` when it has a deep link and its modules are missing.
    static func qrNeeded(_ state: ConsoleState, _ record: PayloadRecord) -> [Cmd] {
        guard state.qrCodes[record.uuid] == nil, let link = record.deepLink else { return [] }
        return [.renderQR(uuid: record.uuid, text: link)]
    }

    /// Keys on the QR screen: `Esc`, `z` and `q` close it (`Ctrl-C` still quits); the rest do nothing.
    static func handleQRKey(_ state: inout ConsoleState, _ key: Key) -> [Cmd] {
        if [.esc, .char("z"), .char("q")].contains(key) { state.overlay = nil }
        return []
    }
}
