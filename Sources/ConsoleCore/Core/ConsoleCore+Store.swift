import Domain
import Foundation

/// The console's side of a shared store: other processes' changes, the store's reachability, and
/// which live payloads this console follows itself (see ``SharedStore``).
extension ConsoleCore {
    /// Takes in what other processes changed. A payload another process just created is left to it
    /// for a lease term; one seen unfollowed after that is taken over on a tick.
    static func storeChanged(_ state: inout ConsoleState, _ update: StoreUpdate) -> [Cmd] {
        if !update.users.isEmpty || !update.forgottenUsers.isEmpty {
            let keep = state.cursorUser?.userToken
            if !update.forgottenUsers.isEmpty {
                let forgotten = Set(update.forgottenUsers)
                state.users.replaceAll(state.users.users.filter { !forgotten.contains($0.userToken) })
                state.multiSelected.subtract(forgotten)
                if let t = state.targetToken, forgotten.contains(t) { state.targetToken = nil }
            }
            for user in update.users { state.users.upsert(user) }
            restoreUserCursor(&state, token: keep)
        }
        var cmds: [Cmd] = []
        for record in update.payloads {
            let known = state.payloads.first { $0.uuid == record.uuid }
            if let known, !record.isNewer(than: known) { continue }
            upsertPayload(&state, record)
            if record.isFinal {
                state.store.followedElsewhere[record.uuid] = nil
                continue
            }
            if known == nil {
                if record.pushed == false { cmds += takeIn(record, follow: false) }
                if record.websocketURL != nil {
                    state.store.followedElsewhere[record.uuid] = FollowedElsewhere(
                        holder: record.operatorName, retryAt: record.created.addingTimeInterval(SharedStore.leaseTerm))
                }
            }
        }
        return cmds
    }

    /// A follow this console asked for did not start (another holder, a claim that failed) or
    /// stopped (a lost lease): when to try again.
    static func notFollowing(_ state: inout ConsoleState, uuid: String, _ reason: NotFollowingReason) {
        switch reason {
        case .heldElsewhere(let holder, let until):
            state.store.followedElsewhere[uuid] = FollowedElsewhere(holder: holder, retryAt: max(until, state.now).addingTimeInterval(1))
        case .claimFailed:
            state.store.followedElsewhere[uuid] = FollowedElsewhere(holder: state.store.followedElsewhere[uuid]?.holder,
                                                                    retryAt: state.now.addingTimeInterval(5))
        case .leaseLost:
            state.store.followedElsewhere[uuid] = FollowedElsewhere(holder: nil, retryAt: state.now.addingTimeInterval(SharedStore.leaseTerm))
            state.status = StatusLine("stopped following \(Shorten.middle(uuid, keep: 4)): its lease ran out and another process took it over",
                                      isError: true)
        }
    }

    /// On a tick: follow the live payloads whose other holder's lease may have run out.
    static func takeOverDue(_ state: inout ConsoleState) -> [Cmd] {
        guard state.store.isOnline, !state.store.followedElsewhere.isEmpty else { return [] }
        let now = state.now
        let due = state.store.followedElsewhere.filter { $0.value.retryAt <= now }.map(\.key)
        guard !due.isEmpty else { return [] }
        var cmds: [Cmd] = []
        for uuid in due.sorted() {
            state.store.followedElsewhere[uuid] = nil
            if let p = state.payloads.first(where: { $0.uuid == uuid }), !p.isFinal, p.websocketURL != nil { cmds.append(.follow(p)) }
        }
        return cmds
    }

    static func storeReachability(_ state: inout ConsoleState, _ failure: Failure?) {
        if let failure {
            if state.store.offline == nil { state.store.offlineSince = state.now }
            state.store.offline = failure
            state.status = StatusLine("store offline — reconnecting; pushes wait until it answers (\(failure.statusText))", isError: true)
        } else if state.store.offline != nil {
            state.store.offline = nil
            state.store.offlineSince = nil
            state.status = StatusLine("store back online — catching up on what changed meanwhile")
        }
    }

    /// Live payloads the targets already have (from anyone), newest first: what the confirm dialog warns about.
    static func livePayloads(for tokens: [String], in state: ConsoleState) -> [PayloadRecord] {
        let targets = Set(tokens)
        return state.payloads.filter { p in !p.isFinal && p.userToken.map(targets.contains) == true }
    }

    /// `bob already has a live TrustSet from dana@desk2 (2 min ago)`.
    static func liveWarning(_ p: PayloadRecord, state: ConsoleState) -> String {
        let name = p.userName ?? state.users.user(token: p.userToken ?? "")?.displayName ?? "this user"
        let who: String
        switch p.operatorName {
        case nil: who = ""
        case let op? where op == state.operatorName: who = " from you"
        case let op?: who = " from \(op)"
        }
        let age = state.now.timeIntervalSince(p.created)
        return "\(name) already has a live \(p.transactionType)\(who) (\(age < 60 ? "just now" : Shorten.duration(age) + " ago"))"
    }
}

extension PayloadRecord {
    /// Whether this state of the payload is at least as far along as `other` (a store read can
    /// trail what this console's own follower already showed).
    func isNewer(than other: PayloadRecord) -> Bool {
        if isFinal != other.isFinal { return isFinal }
        return events.count >= other.events.count
    }
}
