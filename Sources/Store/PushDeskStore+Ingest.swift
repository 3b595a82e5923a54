import Domain
import Foundation
import GRDB
import XummPlatform

extension PushDeskStore {
    // MARK: Webhooks

    /// Records a verified webhook delivery in one transaction: the delivery (for de-duplication), the
    /// user token it carries (issued/expiration; a signed delivery sets last signed = `receivedAt`),
    /// and a `webhook` event on the payload if PushDesk created it.
    /// - Returns: false when this delivery was already recorded (a retry); nothing is changed then.
    @discardableResult
    public func ingestWebhook(body: WebhookBody, deliveryID: String, receivedAt: Date) throws -> Bool {
        try db.write { db in try Self.ingest(db, WebhookIngest(body: body, deliveryID: deliveryID, receivedAt: receivedAt)) }
    }

    /// Async form of ``ingestWebhook(body:deliveryID:receivedAt:)``: suspends instead of blocking a thread.
    @discardableResult
    public func ingestWebhook(body: WebhookBody, deliveryID: String, receivedAt: Date) async throws -> Bool {
        let item = WebhookIngest(body: body, deliveryID: deliveryID, receivedAt: receivedAt)
        return try await db.write { db in try Self.ingest(db, item) }
    }

    /// Records several deliveries in one commit (group commit), each as if in its own transaction
    /// (see ``writeEach(_:_:)``).
    /// - Returns: per item, `.success(isNew)` or the item's error. Throws only if the commit itself fails.
    public func ingestWebhooks(_ items: [WebhookIngest]) async throws -> [Result<Bool, any Error>] {
        try await writeEach(items) { db, item in try Self.ingest(db, item) }
    }

    /// Whether a delivery key is recorded.
    public func hasDelivery(_ deliveryID: String) throws -> Bool {
        try db.read { db in try Bool.fetchOne(db, sql: "SELECT 1 FROM webhook_delivery WHERE delivery_key = ?", arguments: [deliveryID]) ?? false }
    }

    /// Number of recorded deliveries.
    public func deliveryCount() throws -> Int {
        try db.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM webhook_delivery") ?? 0 }
    }

    static func ingest(_ db: Database, _ item: WebhookIngest) throws -> Bool {
        let body = item.body
        let signed = body.payloadResponse?.signed
        let token = body.userToken?.userToken
        try db.cachedStatement(sql: """
            INSERT INTO webhook_delivery (delivery_key, payload_uuid, received_at, signed, user_token)
            VALUES (?, ?, ?, ?, ?) ON CONFLICT(delivery_key) DO NOTHING
            """).execute(arguments: [item.deliveryID, body.meta.payloadUUID, item.receivedAt.timeIntervalSince1970, signed, token])
        guard db.changesCount > 0 else { return false }
        if let ut = body.userToken, !ut.userToken.isEmpty {
            let user = KnownUser(
                userToken: ut.userToken,
                tokenIssued: ut.tokenIssued.map { Date(timeIntervalSince1970: TimeInterval($0)) },
                tokenExpiration: ut.tokenExpiration.map { Date(timeIntervalSince1970: TimeInterval($0)) },
                lastSigned: signed == true ? item.receivedAt : nil,
                source: .webhook)
            try upsert(db, user, now: item.receivedAt)
        }
        if try payloadExists(db, uuid: body.meta.payloadUUID) {
            let detail = signed.map { $0 ? "signed" : "rejected" } ?? "delivered"
            try insertEvent(db, uuid: body.meta.payloadUUID, PayloadEvent(at: item.receivedAt, kind: .webhook, detail: detail))
            if let token {
                try db.cachedStatement(sql: "UPDATE payload SET user_token = ? WHERE uuid = ? AND user_token IS NULL")
                    .execute(arguments: [token, body.meta.payloadUUID])
            }
        }
        return true
    }

    // MARK: Payload results

    /// Records what the authoritative `GET /payload/{uuid}` said, in one transaction: the payload's
    /// result (if PushDesk has the payload and it resolved) and, for a signed payload, the user: the
    /// issued token (else `userToken`, the token it was pushed to), the signing account, and
    /// last signed = the resolve time (`response.resolved_at`, else `at`).
    /// - Returns: the user as stored afterwards, if one was credited.
    @discardableResult
    public func ingestPayloadResult(_ final: PayloadFinalState, userToken: String?, at: Date) throws -> KnownUser? {
        try db.write { db in try Self.ingestPayloadResult(db, final, userToken: userToken, at: at) }
    }

    static func ingestPayloadResult(_ db: Database, _ final: PayloadFinalState, userToken: String?, at: Date) throws -> KnownUser? {
        let uuid = final.payload.meta.uuid
        let resolvedAt = final.payload.response.resolvedAt.flatMap(PlatformDate.parse) ?? at
        if let outcome = PayloadOutcome(rawValue: final.outcome.rawValue), try Self.payloadExists(db, uuid: uuid) {
            let result = PayloadResult(
                outcome: outcome, txid: final.txid, dispatchedResult: final.dispatchedResult,
                dispatchedNodeType: final.dispatchedNodeType, network: final.dispatchedNodeType,
                signerAccount: final.signerAccount, issuedUserToken: final.issuedUserToken, resolvedAt: resolvedAt)
            _ = try Self.writeResult(db, uuid: uuid, result)
        }
        guard final.outcome == .signed, let token = final.issuedUserToken ?? userToken, !token.isEmpty else { return nil }
        let user = KnownUser(userToken: token, account: final.signerAccount, lastSigned: resolvedAt, source: .payload)
        try Self.upsert(db, user, now: at)
        return try Self.user(db, token: token)
    }

    // MARK: Verification

    /// Applies a `POST /user-tokens` answer in one transaction. The platform is authoritative here:
    /// `active`, `issued` and `expires` overwrite what is stored. Tokens PushDesk does not know are ignored.
    /// - Returns: how many known users were updated.
    @discardableResult
    public func applyVerification(_ statuses: [UserTokenStatus], at: Date) throws -> Int {
        try db.write { db in
            var n = 0
            for s in statuses {
                try db.execute(sql: """
                    UPDATE user SET verified_active = ?, verified_at = ?,
                        token_issued = coalesce(?, token_issued), token_expiration = coalesce(?, token_expiration),
                        updated_at = ?
                    WHERE user_token = ?
                    """, arguments: [s.active, at.timeIntervalSince1970, s.issued.map { Double($0) }, s.expires.map { Double($0) },
                                     at.timeIntervalSince1970, s.userToken])
                n += db.changesCount
            }
            return n
        }
    }
}
