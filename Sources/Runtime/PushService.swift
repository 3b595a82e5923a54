import ConsoleCore
import Domain
import Foundation
import Store
import XRPLTx
import XummPlatform

/// The operator's loop against the platform — create, follow, cancel, verify — with every step
/// recorded in the store. Shared by the console and the headless `pushdesk push`.
public struct PushService: Sendable {
    public let client: any XummAPI
    public let store: any PushDeskStore
    /// OS user recorded in the audit log.
    public let operatorName: String

    /// Commits followed payloads' progress together: under a burst many payloads' events share one
    /// transaction (one WAL write, one fsync) instead of one each.
    public let progress: GroupCommitter<ProgressWrite, KnownUser?>

    public init(client: any XummAPI, store: any PushDeskStore, operatorName: String = PushService.currentOSUser(),
                progress: GroupCommitter<ProgressWrite, KnownUser?>? = nil) {
        self.client = client; self.store = store; self.operatorName = operatorName
        self.progress = progress ?? PushService.progressCommitter(store)
    }

    /// A group committer of progress writes into `store`.
    public static func progressCommitter(_ store: any PushDeskStore) -> GroupCommitter<ProgressWrite, KnownUser?> {
        GroupCommitter(maxBatch: 256) { writes in try await store.recordProgress(writes) }
    }

    /// `user@host`: the default operator name.
    public static func currentOSUser(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let user = environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["LOGNAME"].flatMap { $0.isEmpty ? nil : $0 } ?? "operator"
        let host = ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? "localhost"
        return "\(user)@\(host)"
    }

    /// A fresh `custom_meta.identifier` (≤ 40 characters, unique per app): `pd-` + 32 hex.
    public static func newIdentifier() -> String {
        "pd-" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }

    // MARK: Verify

    /// `POST /user-tokens` in batches of 50; records liveness in the store. Returns token → active.
    public func verify(tokens: [String], at now: Date = Date()) async throws -> [String: Bool] {
        var result: [String: Bool] = [:]
        var index = 0
        while index < tokens.count {
            let batch = Array(tokens[index..<min(index + 50, tokens.count)])
            index += batch.count
            let statuses = try await client.verifyUserTokens(batch)
            for s in statuses { result[s.userToken] = s.active }
            // Tokens the platform dropped as malformed are not active either.
            for t in batch where result[t] == nil { result[t] = false }
            _ = try await store.applyVerification(statuses.map(TokenCheck.init), at: now)
        }
        return result
    }

    // MARK: Create

    /// Creates the payload exactly once (generated identifier), stores it and audits it. The
    /// transaction was validated when the spec was built; one with error findings is refused here
    /// (``Failure/invalidTransaction(_:)``), as are bad options. Errors are ``XummError``s or ``Failure``s.
    public func create(_ spec: PushRequestSpec, at now: Date = Date()) async throws -> PayloadRecord {
        try await create(prepare(spec, at: now), intentRecorded: false, at: now)
    }

    /// Checks the spec and gives the push its identifier, without any I/O (see ``PreparedPush``).
    public func prepare(_ spec: PushRequestSpec, at now: Date = Date()) throws -> PreparedPush {
        let tx = spec.transaction
        guard tx.isSendable else {
            throw Failure.invalidTransaction(tx.errors)
        }
        if let e = spec.expireMinutes, e <= 0 { throw Failure.expireNotPositive(e) }
        if let i = spec.instruction, i.count > 280 { throw Failure.instructionTooLong(characters: i.count) }
        let txjson = TxJSON(validatedText: tx.text, transactionType: tx.transactionType)
        let intent = PushIntent(
            identifier: Self.newIdentifier(), userToken: spec.userToken, userName: spec.userName,
            transactionType: txjson.transactionType ?? "?", txjson: tx.text, expireMinutes: spec.expireMinutes,
            instruction: spec.instruction, created: now, operatorName: operatorName)
        let request = PayloadCreateRequest(
            txjson: txjson, userToken: spec.userToken,
            options: PayloadOptions(submit: true, expire: spec.expireMinutes),
            customMeta: CustomMeta(identifier: intent.identifier, instruction: spec.instruction))
        return PreparedPush(intent: intent, request: request)
    }

    /// Records the intents of pushes about to be created, in one transaction: a bulk push writes
    /// them a chunk at a time instead of one commit per push.
    public func recordIntents(_ pushes: [PreparedPush]) async throws {
        try await store.recordIntents(pushes.map(\.intent))
    }

    /// Forgets recorded intents of pushes that will not be created after all (a stopped bulk push).
    public func dropIntents(_ pushes: [PreparedPush]) async throws {
        try await store.dropIntents(identifiers: pushes.map(\.intent.identifier))
    }

    /// Creates a prepared push. Its intent is recorded first unless `intentRecorded` says
    /// ``recordIntents(_:)`` did so already.
    public func create(_ push: PreparedPush, intentRecorded: Bool, at now: Date = Date()) async throws -> PayloadRecord {
        var intent = push.intent
        // Recorded first, so a stop between the create and the save below is found on the next start.
        if !intentRecorded { try await store.recordIntent(intent) }
        // Created now, not when the chunk was prepared (pacing may have waited in between).
        intent.created = now
        let created: PayloadCreateResponse
        do {
            created = try await client.createPayload(push.request)
        } catch let error as XummError where !error.isIndefinite {
            // A definite refusal: no payload exists, nothing to recover later.
            try? await store.dropIntent(identifier: intent.identifier, audit: nil)
            throw error
        }
        return try await save(intent, created: created, at: now)
    }

    /// The created payload as a record, saved with its audit entry (which clears its intent).
    private func save(_ intent: PushIntent, created: PayloadCreateResponse, at now: Date, recovered: Bool = false) async throws -> PayloadRecord {
        var record = PayloadRecord(
            uuid: created.uuid, identifier: intent.identifier, userToken: intent.userToken, userName: intent.userName,
            transactionType: intent.transactionType, txjson: intent.txjson, expireMinutes: intent.expireMinutes,
            instruction: intent.instruction, created: intent.created, pushed: created.pushed, deepLink: created.next.always,
            websocketURL: created.refs.websocketStatus, operatorName: intent.operatorName)
        record.events.append(PayloadEvent(at: intent.created, kind: .created, detail: intent.identifier))
        if intent.userToken != nil {
            record.events.append(PayloadEvent(at: intent.created, kind: created.pushed ? .pushed : .notPushed,
                                              detail: nil))
        }
        try await store.recordCreated(record, audit: AuditEntry(
            at: now, actor: operatorName, action: recovered ? "push.recovered" : "push",
            detail: "\(record.uuid) \(record.transactionType) to=\(intent.userName ?? intent.userToken ?? "-") pushed=\(created.pushed)",
            payloadUUID: record.uuid, userToken: intent.userToken))
        return record
    }

    // MARK: Recover

    /// Takes in the pushes a stopped process created but never saved (see ``PushIntent``): each is
    /// looked up by its identifier; one the platform has is saved (and returned, to be followed),
    /// one it never received is dropped with an audit entry. An intent the lookup cannot settle
    /// (platform unreachable) is kept for the next start.
    public func recoverIntents(at now: Date = Date()) async -> [PayloadRecord] {
        guard let intents = try? await store.pendingIntents() else { return [] }
        var recovered: [PayloadRecord] = []
        for intent in intents {
            do {
                let found = try await client.payload(identifier: intent.identifier)
                recovered.append(try await save(intent, created: client.responseForExisting(found), at: now, recovered: true))
            } catch XummError.notFound {
                try? await store.dropIntent(identifier: intent.identifier, audit: AuditEntry(
                    at: now, actor: operatorName, action: "push.abandoned",
                    detail: "\(intent.identifier) \(intent.transactionType) to=\(intent.userName ?? intent.userToken ?? "-")",
                    userToken: intent.userToken))
            } catch {
                continue
            }
        }
        return recovered
    }

    // MARK: Follow

    /// Follows the payload's status stream to its end, saving each change and the final result; a
    /// signed result renews the user's token in the store. `onChange` sees every new state of the
    /// record as soon as its event arrives and, once stored, the renewed user after a signature.
    ///
    /// Shown first, stored second: waiting for the write put the store's queue (and the thread hop
    /// back from it) between a status event and the operator's screen, tens of milliseconds during a
    /// bulk push. Nothing is lost by the order: `follow` returns only after the last write, and a
    /// payload whose final state did not reach the store is re-attached on the next start.
    public func follow(_ start: PayloadRecord, settings: PayloadStatusStream.Settings = .init(),
                       clock: @escaping @Sendable () -> Date = Date.init,
                       onChange: @escaping @Sendable (PayloadChange) async -> Void) async -> PayloadRecord {
        guard !start.isFinal, let ws = start.websocketURL else { return start }
        let current = FollowedRecord(start)
        let progress = self.progress
        await client.followStatus(uuid: start.uuid, websocketURL: ws, settings: settings) { event in
            let received = ContinuousClock.now
            let at = clock()
            // Events arrive one at a time (the stream awaits each), so this read-modify-write is alone.
            guard let (record, write) = current.apply(event, at: at) else { return }
            await onChange(.progressed(record, receivedAt: received))
            // One write per event (its timeline entries, a new result, the renewed token), committed
            // with whatever other payloads' writes are waiting.
            let renewed = try? await progress.submit(write)
            if let renewed { await onChange(.userRenewed(renewed)) }
        }
        return current.record
    }

    /// A payload as the store has it now, final or not (the given copy when the store has none or
    /// does not answer).
    public enum StoredState: Sendable { case live(PayloadRecord), final(PayloadRecord) }

    /// Reads `record`'s stored state before a follow starts.
    public func storedState(of record: PayloadRecord) async -> StoredState {
        guard let stored = try? await store.payload(uuid: record.uuid) else { return .live(record) }
        if stored.isFinal { return .final(stored) }
        // The console's copy may be further along than the store (shown first, stored second).
        return .live(stored.events.count >= record.events.count ? stored : record)
    }

    // MARK: Cancel

    /// `DELETE /payload/{uuid}`, audited; returns the platform's reason.
    public func cancel(uuid: String, at now: Date = Date()) async throws -> CancelReason {
        let answer = try await client.cancel(uuid: uuid)
        try await store.audit(action: "cancel", actor: operatorName, detail: "\(uuid) \(answer.result.reason.rawValue)", at: now,
                              payloadUUID: uuid)
        return answer.result.reason
    }
}
