import Foundation
import Domain
import XRPLTx

/// The pure console: `update` applies a message to the state and returns the effects to run;
/// `view` renders the state into a `Buffer`. No I/O, no clock reads.
public enum ConsoleCore {
    /// Applies `msg`; returns the commands the Runtime must execute.
    public static func update(_ state: inout ConsoleState, _ msg: Msg) -> [Cmd] {
        switch msg {
        case .key(let key):
            return handleKey(&state, key)
        case .resize(let w, let h):
            state.width = max(0, w); state.height = max(0, h)
            clampScrolls(&state)
        case .tick(let date):
            state.now = date
        case .usersLoaded(let list):
            let keep = state.cursorUser?.userToken
            state.users.replaceAll(list)
            state.usersLoaded = true
            // Look the few selected tokens up in the index rather than hashing every loaded token.
            let index = state.users
            state.multiSelected = state.multiSelected.filter { index.user(token: $0) != nil }
            if let t = state.targetToken, index.user(token: t) == nil { state.targetToken = nil }
            restoreUserCursor(&state, token: keep)
        case .userUpdated(let user):
            let keep = state.cursorUser?.userToken
            state.users.upsert(user)
            restoreUserCursor(&state, token: keep)
        case .templatesLoaded(let list):
            state.templates = list
        case .payloadUpserted(let record):
            upsertPayload(&state, record)
        case .payloadsLoaded(let list):
            let keep = state.selectedPayload?.uuid
            state.payloads = list.sorted { $0.created > $1.created }
            state.payloadCursor = keep.flatMap { u in state.payloads.firstIndex { $0.uuid == u } } ?? 0
            clampScrolls(&state)
        case .qrReady(let uuid, let modules):
            state.qrCodes[uuid] = modules
        case .requestLogged(let entry):
            state.requestLog.append(entry)
            if state.requestLog.count > ConsoleState.requestLogCapacity {
                state.requestLog.removeFirst(state.requestLog.count - ConsoleState.requestLogCapacity)
            }
            if let r = entry.rateLimitRemaining { state.rateLimitRemaining = r }
        case .rateLimit(let limit, let remaining):
            state.rateLimitLimit = limit ?? state.rateLimitLimit
            state.rateLimitRemaining = remaining
        case .inboxStatus(let address, let deliveries):
            if let address { state.inboxAddress = address }
            state.inboxDeliveries = deliveries
        case .tokensVerified(let result):
            if case .confirmPush(var confirm)? = state.overlay {
                confirm.verified = (confirm.verified ?? [:]).merging(result) { $1 }
                state.overlay = .confirmPush(confirm)
            }
            let inactive = result.values.filter { !$0 }.count
            state.status = StatusLine("verified \(result.count) token(s): \(result.count - inactive) active, \(inactive) inactive",
                                      isError: false)
        case .bulkProgress(let progress):
            state.bulk = progress
            if progress.finished {
                let pushed = progress.outcomes.values.filter { $0 == .pushed }.count
                state.status = StatusLine("bulk push finished: \(progress.done)/\(progress.total) done, \(pushed) pushed")
            }
        case .editorFinished(let text):
            if let text {
                state.editor.setText(text)
                revalidate(&state)
                state.status = StatusLine("txjson updated from $EDITOR")
            } else {
                state.status = StatusLine("$EDITOR aborted — txjson unchanged", isError: true)
            }
        case .notice(let text):
            state.status = StatusLine(text)
        case .error(let text):
            state.status = StatusLine(text, isError: true)
        }
        return []
    }

    // MARK: - Shared helpers

    static func revalidate(_ state: inout ConsoleState) {
        let text = state.editor.text
        state.findings = text.allSatisfy(\.isWhitespace) ? [] : TxValidator.validate(txjsonText: text)
        state.editor.scrollToCursor(height: Layout(state).editorRows(findings: state.findings.count))
    }

    static func upsertPayload(_ state: inout ConsoleState, _ record: PayloadRecord) {
        if let i = state.payloads.firstIndex(where: { $0.uuid == record.uuid }) {
            state.payloads[i] = record
            return
        }
        let selected = state.selectedPayload?.uuid
        let at = state.payloads.firstIndex { $0.created < record.created } ?? state.payloads.count
        state.payloads.insert(record, at: at)
        // Keep the selection on the same payload unless the operator is following the newest.
        if let selected, state.payloadCursor != 0 || at != 0 {
            state.payloadCursor = state.payloads.firstIndex { $0.uuid == selected } ?? 0
        }
        clampScrolls(&state)
    }

    static func restoreUserCursor(_ state: inout ConsoleState, token: String?) {
        if let token, let row = state.users.visibleRow(of: token) { state.userCursor = row }
        clampScrolls(&state)
    }

    /// Clamps cursors into their lists and scrolls them into view.
    static func clampScrolls(_ state: inout ConsoleState) {
        let layout = Layout(state)
        state.userCursor = max(0, min(state.userCursor, state.users.visible.count - 1))
        state.userScroll = scrolled(cursor: state.userCursor, scroll: state.userScroll, rows: layout.userRows, count: state.users.visible.count)
        state.payloadCursor = max(0, min(state.payloadCursor, state.payloads.count - 1))
        state.payloadScroll = scrolled(cursor: state.payloadCursor, scroll: state.payloadScroll, rows: layout.payloadRows, count: state.payloads.count)
        state.editor.scrollToCursor(height: layout.editorRows(findings: state.findings.count))
    }

    /// The scroll offset that keeps `cursor` visible in `rows` lines.
    public static func scrolled(cursor: Int, scroll: Int, rows: Int, count: Int) -> Int {
        var s = scroll
        if cursor < s { s = cursor }
        if cursor >= s + rows { s = cursor - rows + 1 }
        return max(0, min(s, max(0, count - rows)))
    }
}
