import Foundation
import Domain
import XRPLTx

/// The pure console: `update` applies a message to the state and returns the effects to run;
/// `view` renders the state into a `Buffer`. No I/O, no clock reads.
public enum ConsoleCore {
    /// Applies `msg`; returns the commands the Runtime must execute.
    public static func update(_ state: inout ConsoleState, _ msg: Msg) -> [Cmd] {
        switch msg {
        case .started:
            var cmds: [Cmd] = [.followStore, .loadTemplates, .loadUsers, .loadPayloads(limit: ConsoleState.payloadPageSize), .loadInboxStatus]
            if !state.readOnly { cmds.append(.recoverIntents) }
            return cmds
        case .key(let key):
            return handleKey(&state, key)
        case .resize(let w, let h):
            state.width = max(0, w); state.height = max(0, h)
            clampScrolls(&state)
        case .tick(let date):
            state.now = date
            var cmds = takeOverDue(&state)
            if state.usersLoaded, state.tokenSweep.isDue(at: date) { cmds += startTokenSweep(&state) }
            return cmds
        case .usersLoaded(let list):
            let keep = state.cursorUser?.userToken
            state.users.replaceAll(list)
            state.usersLoaded = true
            // Look the few selected tokens up in the index rather than hashing every loaded token.
            let index = state.users
            state.multiSelected = state.multiSelected.filter { index.user(token: $0) != nil }
            if let t = state.targetToken, index.user(token: t) == nil { state.targetToken = nil }
            restoreUserCursor(&state, token: keep)
            // The platform's word on every token, without waiting for a key press.
            if state.tokenSweep.lastStarted == nil { return startTokenSweep(&state) }
        case .userUpdated(let user):
            let keep = state.cursorUser?.userToken
            state.users.upsert(user)
            restoreUserCursor(&state, token: keep)
        case .templatesLoaded(let list):
            state.templates = list
        case .payloadUpserted(let record):
            upsertPayload(&state, record)
            // The QR screen waits for this payload's deep link.
            if case .qr(let uuid)? = state.overlay, uuid == record.uuid { return qrNeeded(state, record) }
        case .payloadsLoaded(let list):
            let keep = state.selectedPayload?.uuid
            state.payloads = list.sorted { $0.created > $1.created }
            state.payloadCursor = keep.flatMap { u in state.payloads.firstIndex { $0.uuid == u } } ?? 0
            clampScrolls(&state)
            // Payloads not yet final are followed again: a stop left them where they were.
            return list.flatMap { takeIn($0, follow: true) }
        case .pushCreated(let record, let bulk):
            upsertPayload(&state, record)
            // The store counted the push in the same transaction that saved the payload.
            if let token = record.userToken, var user = state.users.user(token: token) {
                user.pushCount += 1
                state.users.upsert(user)
            }
            if !bulk {
                state.status = record.pushed == false
                    ? StatusLine("not pushed — token expired or revoked · z shows the QR and deep link", isError: true)
                    : StatusLine("pushed ✓ \(record.transactionType) to \(record.userName ?? "user")")
            }
            return takeIn(record, follow: true)
        case .pushFailed(_, let failure):
            state.status = StatusLine("push failed: \(failure.statusText)", isError: true)
        case .intentsRecovered(let records):
            guard !records.isEmpty else { return [] }
            for r in records { upsertPayload(&state, r) }
            state.status = StatusLine("took in \(records.count) push(es) created just before the last stop")
            return records.flatMap { takeIn($0, follow: true) }
        case .storeChanged(let update):
            return storeChanged(&state, update)
        case .storeReachability(let failure):
            storeReachability(&state, failure)
        case .notFollowing(let uuid, let reason):
            notFollowing(&state, uuid: uuid, reason)
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
        case .tokensVerified(let result, let requested):
            if case .confirmPush(var confirm)? = state.overlay {
                confirm.verified = (confirm.verified ?? [:]).merging(result) { $1 }
                state.overlay = .confirmPush(confirm)
            }
            let inactive = result.values.filter { !$0 }.count
            state.status = StatusLine("verified \(result.count) token(s): \(result.count - inactive) active, \(inactive) inactive",
                                      isError: false)
            // The store recorded the platform's answer: read the users back to show it.
            if requested { return [.loadUsers] }
        case .tokenCheckFailed(let failure, let requested):
            state.status = requested
                ? StatusLine("verify failed: \(failure.statusText)", isError: true)
                : StatusLine("token check failed: \(failure.statusText) — the push will still create the payload", isError: true)
        case .tokenSweepFinished(let report):
            state.tokenSweep.running = false
            state.tokenSweep.lastFinished = state.now
            state.tokenSweep.lastChecked = report.checked
            if !report.newlyInactive.isEmpty {
                let names = report.newlyInactive.prefix(3).joined(separator: ", ") + (report.newlyInactive.count > 3 ? ", …" : "")
                // Short enough for 80 columns: the names matter more than the explanation.
                state.status = StatusLine("token check: \(report.newlyInactive.count) no longer active (\(names)) — pushes show the QR instead",
                                          isError: true)
            } else if let failure = report.failure {
                state.status = StatusLine("background token check stopped after \(report.checked): \(failure.statusText) — next try in \(Int(TokenSweep.interval / 60)) min",
                                          isError: true)
            }
        case .cancelAnswered(let uuid, let reason):
            state.status = reason == "OK"
                ? StatusLine("payload \(uuid.prefix(8)) cancelled")
                : StatusLine("\(reason): \(cancelExplanation(reason))", isError: true)
        case .cancelFailed(_, let failure):
            state.status = StatusLine("cancel failed: \(failure.statusText)", isError: true)
        case .loadFailed(let kind, let failure):
            state.status = StatusLine("cannot load \(kind.rawValue): \(failure.statusText)", isError: true)
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
        }
        return []
    }

    // MARK: - Shared helpers

    /// Parses and validates the Compose text once; the push path carries the result.
    static func revalidate(_ state: inout ConsoleState) {
        state.composed = ComposedTransaction(text: state.editor.text)
        state.findings = state.composed.findings
        state.editor.scrollToCursor(height: Layout(state).editorRows(findings: state.findings.count))
    }

    /// What a payload newly in view needs: its QR when it was not pushed, a follower while it is live.
    static func takeIn(_ record: PayloadRecord, follow: Bool) -> [Cmd] {
        var cmds: [Cmd] = []
        if record.pushed == false, let link = record.deepLink { cmds.append(.renderQR(uuid: record.uuid, text: link)) }
        if follow, !record.isFinal, record.websocketURL != nil { cmds.append(.follow(record)) }
        return cmds
    }

    /// The platform's cancel reason codes in plain words.
    static func cancelExplanation(_ reason: String) -> String {
        switch reason {
        case "OK": "cancelled"
        case "ALREADY_OPENED": "not cancelled: the user is looking at it right now (already opened)"
        case "ALREADY_RESOLVED": "not cancelled: the user already signed or rejected it"
        case "ALREADY_EXPIRED": "not cancelled: it had already expired"
        case "ALREADY_CANCELLED": "it was already cancelled"
        case "NOT_FOUND": "not cancelled: no such payload"
        default: "not cancelled: \(reason)"
        }
    }

    /// Starts the background token sweep (not in read-only mode: it records the answers).
    static func startTokenSweep(_ state: inout ConsoleState) -> [Cmd] {
        guard !state.readOnly, state.users.count > 0 else { return [] }
        state.tokenSweep.running = true
        state.tokenSweep.lastStarted = state.now
        return [.sweepTokens(state.users.users.map(\.userToken))]
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
