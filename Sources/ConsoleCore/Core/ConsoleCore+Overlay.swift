import Foundation
import Domain
import XRPLTx

extension ConsoleCore {
    static func handleOverlay(_ state: inout ConsoleState, _ overlay: Overlay, _ key: Key) -> [Cmd] {
        switch overlay {
        case .help:
            let extent = OverlayView.helpExtent(state)
            let page = max(1, extent.rows - 1)
            let last = max(0, extent.lines - extent.rows)
            switch key {
            case .esc, .char("?"), .char("q"), .enter: state.overlay = nil
            case .down, .char("j"): state.helpScroll += 1
            case .up, .char("k"): state.helpScroll -= 1
            case .pageDown, .char(" "): state.helpScroll += page
            case .pageUp: state.helpScroll -= page
            case .char("g"), .home: state.helpScroll = 0
            case .char("G"), .end: state.helpScroll = last
            default: break
            }
            state.helpScroll = max(0, min(state.helpScroll, last))
        case .templates(let cursor):
            let n = state.templates.count
            switch key {
            case .esc, .char("q"): state.overlay = nil
            case .up, .char("k"): state.overlay = .templates(cursor: max(0, cursor - 1))
            case .down, .char("j"): state.overlay = .templates(cursor: max(0, min(n - 1, cursor + 1)))
            case .char("g"), .home: state.overlay = .templates(cursor: 0)
            case .char("G"), .end: state.overlay = .templates(cursor: max(0, n - 1))
            case .enter:
                state.overlay = nil
                if state.templates.indices.contains(cursor) { loadTemplate(&state, state.templates[cursor]) }
            default: break
            }
        case .confirmPush(let confirm):
            switch key {
            case .char("y"), .char("Y"):
                // A push the store cannot record could be created twice, or lost: wait for it.
                if let failure = state.store.offline {
                    state.status = StatusLine("not sent: the store is offline, so the push could not be recorded (\(failure.statusText)) — press y again when it is back",
                                              isError: true)
                    return []
                }
                state.overlay = nil
                state.focus = .payloads
                state.payloadCursor = 0
                clampScrolls(&state)
                let n = confirm.request.userTokens.count
                state.status = StatusLine(n == 1 ? "pushing…" : "bulk push to \(n) users started (:stop to stop)")
                return [.push(confirm.request)]
            case .char("n"), .char("N"), .esc, .char("q"):
                state.overlay = nil
                state.status = StatusLine("push cancelled — nothing sent")
            default: break
            }
        case .confirmCancel(let uuid):
            switch key {
            case .char("y"), .char("Y"):
                state.overlay = nil
                state.status = StatusLine("cancelling \(Shorten.middle(uuid, keep: 4))…")
                return [.cancel(uuid: uuid)]
            case .char("n"), .char("N"), .esc, .char("q"):
                state.overlay = nil
            default: break
            }
        case .qr:
            return handleQRKey(&state, key)
        }
        return []
    }

    static func loadTemplate(_ state: inout ConsoleState, _ template: TxTemplate) {
        state.editor.setText(template.txjsonText)
        state.focus = .compose
        revalidate(&state)
        state.status = StatusLine("template \(template.name) loaded")
    }

    // MARK: Push / cancel / verify

    /// Why a push cannot start now, or `nil`.
    static func pushBlocker(_ state: ConsoleState) -> String? {
        if state.readOnly { return "read-only mode: pushing is disabled" }
        if state.pushTargets.isEmpty { return "no user chosen — Enter on a user, Space to multi-select, or :user NAME" }
        if state.editor.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return "txjson is empty — press t for a template" }
        let errors = state.errorCount
        if errors > 0 { return "txjson has \(errors) error finding\(errors == 1 ? "" : "s") — fix them first" }
        if let bulk = state.bulk, !bulk.finished { return "a bulk push is running (\(bulk.done)/\(bulk.total)) — :stop first" }
        return nil
    }

    static func openPushConfirm(_ state: inout ConsoleState) -> [Cmd] {
        if let why = pushBlocker(state) { state.status = StatusLine("cannot push: \(why)", isError: true); return [] }
        let targets = state.pushTargets
        var names: [String: String] = [:]
        for token in targets { if let name = state.users.user(token: token)?.name { names[token] = name } }
        let request = PushRequest(userTokens: targets, transaction: state.composed,
                                  expireMinutes: state.expireMinutes, instruction: state.instruction, userNames: names)
        state.overlay = .confirmPush(PushConfirm(request: request))
        state.mode = .normal
        return [.preflight(tokens: request.userTokens)]
    }

    static func openCancelConfirm(_ state: inout ConsoleState) -> [Cmd] {
        if state.readOnly { state.status = StatusLine("read-only mode: cancelling is disabled", isError: true); return [] }
        guard let p = state.selectedPayload else { state.status = StatusLine("no payload selected", isError: true); return [] }
        if p.isFinal { state.status = StatusLine("payload already \(p.stateLabel) — nothing to cancel", isError: true); return [] }
        state.overlay = .confirmCancel(uuid: p.uuid)
        return []
    }

    static func verify(_ state: inout ConsoleState) -> [Cmd] {
        var tokens = state.pushTargets
        if tokens.isEmpty, let u = state.cursorUser { tokens = [u.userToken] }
        guard !tokens.isEmpty else { state.status = StatusLine("no user to verify", isError: true); return [] }
        state.status = StatusLine("verifying \(tokens.count) token(s)…")
        return [.verifyTokens(tokens)]
    }
}


