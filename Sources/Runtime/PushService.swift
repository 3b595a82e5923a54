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
        // Recorded first, so a stop between the create and the save below is found on the next start.
        try await store.recordIntent(intent)
        let created: PayloadCreateResponse
        do {
            created = try await client.createPayload(request)
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
        var record = start
        guard !record.isFinal, let ws = record.websocketURL else { return record }
        for await event in client.statusEvents(uuid: record.uuid, websocketURL: ws, settings: settings) {
            let received = ContinuousClock.now
            let before = record.events.count
            let hadResult = record.result
            guard PayloadProgress.apply(event, to: &record, at: clock()) else { continue }
            await onChange(.progressed(record, receivedAt: received))
            // One write per event (its timeline entries, a new result, the renewed token), committed
            // with whatever other payloads' writes are waiting.
            let newResult = record.result != hadResult ? record.result : nil
            // A new result from the final GET is authoritative: the store credits the signer.
            var resolution: PayloadResolution?
            if let newResult, case .final = event { resolution = PayloadResolution(uuid: record.uuid, result: newResult) }
            let write = ProgressWrite(uuid: record.uuid, events: Array(record.events[before...]), result: newResult,
                                      resolution: resolution, userToken: record.userToken, at: clock())
            let renewed = try? await progress.submit(write)
            if let renewed { await onChange(.userRenewed(renewed)) }
        }
        return record
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
