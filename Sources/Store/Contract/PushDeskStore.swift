import Domain
import Foundation

/// PushDesk's durable record, in domain terms: known users and their tokens, payloads and their
/// timelines, push intents, the audit log, and webhook deliveries (for de-duplication). Nothing
/// derived from the API secret is ever stored.
///
/// Engines: ``SQLiteStore`` (one file, the embedded default) and ``PostgresStore`` (a team's shared store). Every requirement is
/// `async` because a networked engine can only be; every requirement that writes is one
/// transaction, so the change feed (a numbered change row written in that same transaction, read
/// by other processes from the last number they saw) has one place to go in each. The contract
/// tests (`Tests/StoreTests/Contract`) hold every engine to the same behaviour.
///
/// Conveniences built on these requirements (defaults, one-item forms, user files) are in
/// extensions, so an engine implements only what touches its database.
public protocol PushDeskStore: Sendable {
    // MARK: Users

    /// Every known user, in no particular order (sort with `sortedByTimeLeft(now:)`). The console
    /// loads 100,000 of these at start: an engine reads them in bulk, not row by row.
    func allUsers() async throws -> [KnownUser]

    /// The user with this exact token.
    func user(token: String) async throws -> KnownUser?

    /// Looks a user up the way an operator types it: exact token, else exact account (most recently
    /// signed first), else display name (case-insensitive), else a unique token prefix (≥ 4 characters).
    /// - Throws: ``StoreError/ambiguous(query:matches:)`` when a name or prefix matches several users.
    func findUser(nameOrAccountOrToken query: String) async throws -> KnownUser?

    /// Inserts each user or merges it into the stored one (see ``UserMerge``), in one transaction
    /// (all or nothing). A merge that changes neither name nor account writes only the token fields.
    /// - Returns: the outcome per user, in order.
    @discardableResult
    func upsertUsers(_ users: [KnownUser], at now: Date) async throws -> [UpsertOutcome]

    /// Removes the user. Payload and delivery history is kept but no longer names the token.
    /// - Returns: false if the token was unknown.
    @discardableResult
    func forgetUser(token: String) async throws -> Bool

    /// Number of known users.
    func userCount() async throws -> Int

    /// Applies a verification answer in one transaction. The platform is authoritative here:
    /// `active`, `issued` and `expires` overwrite what is stored. Unknown tokens are ignored.
    /// - Returns: how many known users were updated.
    @discardableResult
    func applyVerification(_ checks: [TokenCheck], at now: Date) async throws -> Int

    // MARK: Payloads

    /// Inserts or updates a payload's fields and result. Events are written with the payload's first
    /// save only; later ones go through ``recordProgress(uuid:events:result:resolution:userToken:at:)``.
    /// When the payload becomes `pushed` to a known user, that user's push count goes up by one.
    func savePayload(_ payload: PayloadRecord) async throws

    /// Saves a newly created payload (as ``savePayload(_:)``) with its audit entry, and removes the
    /// payload's ``PushIntent``, in one transaction.
    func recordCreated(_ payload: PayloadRecord, audit entry: AuditEntry) async throws

    /// Records what one status event changed, in one transaction: the new timeline `events` and, if
    /// PushDesk has the payload, `result` when it is new. With a `resolution` (the authoritative GET)
    /// that one is recorded instead of `result` (see ``PayloadResolution``), crediting the signer;
    /// `userToken` is the token the payload was pushed to, credited when no token was issued.
    /// Events for a payload PushDesk does not have are dropped, not invented.
    /// - Returns: the user as stored afterwards, if a signature credited one.
    @discardableResult
    func recordProgress(uuid: String, events: [PayloadEvent], result: PayloadResult?, resolution: PayloadResolution?,
                        userToken: String?, at now: Date) async throws -> KnownUser?

    /// Several payloads' progress in one commit (group commit), each as if in its own transaction:
    /// one that fails leaves the others written. Answers per write, in order; throws only when the
    /// commit itself fails. The default records them one by one.
    func recordProgress(_ writes: [ProgressWrite]) async throws -> [Result<KnownUser?, any Error>]

    /// The newest `limit` payloads (by creation), newest first, with their events.
    func payloads(limit: Int) async throws -> [PayloadRecord]

    /// Payloads without a final result (to resume watching after a restart), oldest first.
    func unfinishedPayloads() async throws -> [PayloadRecord]

    /// One payload by uuid, with its events.
    func payload(uuid: String) async throws -> PayloadRecord?

    // MARK: Payload leases

    /// Takes the lease of payload `uuid` for `holder` until `until`, if nobody holds it, its lease
    /// ran out before `now`, or `holder` holds it already (then it is extended). One statement, so
    /// two processes claiming at once cannot both win.
    /// - Returns: the lease as stored afterwards: `holder`'s when claimed, the other holder's when not.
    func claimLease(uuid: String, holder: String, until: Date, now: Date) async throws -> PayloadLease

    /// Extends `holder`'s leases on these payloads to `until`, in one statement.
    /// - Returns: the uuids `holder` still holds (a lease that ran out and was taken over is not renewed).
    func renewLeases(uuids: [String], holder: String, until: Date) async throws -> Set<String>

    /// Gives up `holder`'s leases on these payloads (another holder's are left alone).
    func releaseLeases(uuids: [String], holder: String) async throws

    /// Payloads without a final result that nobody follows at `now` (no lease, or it ran out),
    /// oldest first, at most `limit`: what a process taking over should follow.
    func unfollowedPayloads(now: Date, limit: Int) async throws -> [PayloadRecord]

    // MARK: Push intents

    /// Records a push about to be created (see ``PushIntent``); replaces one with the same identifier.
    func recordIntent(_ intent: PushIntent) async throws

    /// Records several intents in one transaction (a bulk push's next chunk). The default records
    /// them one by one.
    func recordIntents(_ intents: [PushIntent]) async throws

    /// Forgets intents whose pushes will not be created after all, without an audit entry (one
    /// transaction). The default drops them one by one.
    func dropIntents(identifiers: [String]) async throws

    /// Pushes whose create was started but whose payload was never saved, oldest first.
    func pendingIntents() async throws -> [PushIntent]

    /// Forgets an intent whose payload was never created, with an audit entry saying why (one transaction).
    func dropIntent(identifier: String, audit entry: AuditEntry?) async throws

    // MARK: Audit

    /// Appends to the audit log. Callers must not pass secrets in `detail`.
    func audit(_ entry: AuditEntry) async throws

    /// The newest `limit` audit entries (only those at or after `since`, when given), newest first.
    func auditLog(limit: Int, since: Date?) async throws -> [AuditEntry]

    // MARK: Webhook deliveries

    /// Records verified deliveries in one commit (the inbox's group commit), each as if in its own
    /// transaction: the delivery (a retry of a recorded one changes nothing), the user token it
    /// carried (a signed delivery sets last signed = received at), and on a payload PushDesk has, a
    /// `webhook` timeline event and the token, if the payload named none.
    /// - Returns: per delivery, `.success(true)` when new, `.success(false)` for a retry, or its own
    ///   error. Throws only if the commit itself fails (then nothing was recorded).
    func recordDeliveries(_ deliveries: [WebhookDelivery]) async throws -> [Result<Bool, any Error>]

    /// Whether a delivery with this key is recorded.
    func hasDelivery(key: String) async throws -> Bool

    /// Number of recorded deliveries.
    func deliveryCount() async throws -> Int

    // MARK: Change feed

    /// This handle's name on the changes it writes (unique per opened store): a reader skips its
    /// own (``NumberedChange/origin``), whose effects it already knows.
    var changeOrigin: String { get }

    /// The changes numbered above `number`, oldest first, at most `limit`. Every write another
    /// process must see (a user added, renamed, renewed, verified or forgotten; a payload created,
    /// progressed or resolved; an audit entry; a delivery) appended them in its own transaction,
    /// numbered in commit order: a reader that saw N and asks again after N misses nothing.
    func changes(after number: Int64, limit: Int) async throws -> [NumberedChange]

    /// The newest change number (0 for an empty feed): where a reader that needs no history starts.
    func latestChangeNumber() async throws -> Int64
}
