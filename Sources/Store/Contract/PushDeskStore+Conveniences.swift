import Domain
import Foundation

/// Defaults and one-item forms, for every engine alike.
extension PushDeskStore {
    /// Inserts the user or merges it into the stored one (see ``UserMerge``).
    @discardableResult
    public func upsertUser(_ user: KnownUser, at now: Date = Date()) async throws -> UpsertOutcome {
        try await upsertUsers([user], at: now)[0]
    }

    /// ``upsertUsers(_:at:)`` now.
    @discardableResult
    public func upsertUsers(_ users: [KnownUser]) async throws -> [UpsertOutcome] {
        try await upsertUsers(users, at: Date())
    }

    /// Appends one audit entry.
    public func audit(action: String, actor: String, detail: String, at: Date, payloadUUID: String? = nil, userToken: String? = nil) async throws {
        try await audit(AuditEntry(at: at, actor: actor, action: action, detail: detail, payloadUUID: payloadUUID, userToken: userToken))
    }

    /// The newest `limit` audit entries, newest first.
    public func auditLog(limit: Int) async throws -> [AuditEntry] { try await auditLog(limit: limit, since: nil) }

    /// The newest 100 audit entries, newest first.
    public func auditLog() async throws -> [AuditEntry] { try await auditLog(limit: 100, since: nil) }

    /// The newest 200 payloads, newest first.
    public func payloads() async throws -> [PayloadRecord] { try await payloads(limit: 200) }

    /// Records one verified delivery (see ``recordDeliveries(_:)``).
    /// - Returns: false when it was already recorded (a retry); nothing is changed then.
    @discardableResult
    public func recordDelivery(_ delivery: WebhookDelivery) async throws -> Bool {
        try await recordDeliveries([delivery])[0].get()
    }

    /// Records an authoritative resolution alone (no timeline events; see ``PayloadResolution``).
    /// - Parameter userToken: the token the payload was pushed to, credited when none was issued.
    /// - Returns: the user as stored afterwards, if one was credited.
    @discardableResult
    public func recordProgress(_ writes: [ProgressWrite]) async throws -> [Result<KnownUser?, any Error>] {
        var results: [Result<KnownUser?, any Error>] = []
        for w in writes {
            do { results.append(.success(try await recordProgress(uuid: w.uuid, events: w.events, result: w.result, resolution: w.resolution,
                                                                   userToken: w.userToken, at: w.at))) }
            catch { results.append(.failure(error)) }
        }
        return results
    }

    public func recordIntents(_ intents: [PushIntent]) async throws {
        for intent in intents { try await recordIntent(intent) }
    }

    public func dropIntents(identifiers: [String]) async throws {
        for identifier in identifiers { try await dropIntent(identifier: identifier, audit: nil) }
    }

    public func recordResolution(_ resolution: PayloadResolution, userToken: String?, at now: Date) async throws -> KnownUser? {
        try await recordProgress(uuid: resolution.uuid, events: [], result: nil, resolution: resolution, userToken: userToken, at: now)
    }
}
