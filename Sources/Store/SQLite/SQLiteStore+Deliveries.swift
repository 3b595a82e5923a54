import Domain
import Foundation
import GRDB

extension SQLiteStore {
    // MARK: Webhook deliveries

    public func recordDeliveries(_ deliveries: [WebhookDelivery]) async throws -> [Result<Bool, any Error>] {
        try await writeEach(deliveries) { db, delivery in try Self.record(db, delivery) }
    }

    public func hasDelivery(key: String) async throws -> Bool {
        try await db.read { db in try Bool.fetchOne(db, sql: "SELECT 1 FROM webhook_delivery WHERE delivery_key = ?", arguments: [key]) ?? false }
    }

    public func deliveryCount() async throws -> Int {
        try await db.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM webhook_delivery") ?? 0 }
    }

    /// One delivery (see ``PushDeskStore/recordDeliveries(_:)``). Runs once per webhook: statements cached.
    static func record(_ db: Database, _ d: WebhookDelivery) throws -> Bool {
        let token = d.userToken.flatMap { $0.isEmpty ? nil : $0 }
        try db.cachedStatement(sql: """
            INSERT INTO webhook_delivery (delivery_key, payload_uuid, received_at, signed, user_token)
            VALUES (?, ?, ?, ?, ?) ON CONFLICT(delivery_key) DO NOTHING
            """).execute(arguments: [d.key, d.payloadUUID, d.receivedAt.timeIntervalSince1970, d.signed, token])
        guard db.changesCount > 0 else { return false }
        try note(db, .delivery(d.key))
        if let token {
            let user = KnownUser(userToken: token, tokenIssued: d.tokenIssued, tokenExpiration: d.tokenExpiration,
                                 lastSigned: d.signed == true ? d.receivedAt : nil, source: .webhook)
            try upsert(db, user, now: d.receivedAt)
        }
        if try payloadExists(db, uuid: d.payloadUUID) {
            let detail = d.signed.map { $0 ? "signed" : "rejected" } ?? "delivered"
            try insertEvent(db, uuid: d.payloadUUID, PayloadEvent(at: d.receivedAt, kind: .webhook, detail: detail))
            try note(db, .payload(d.payloadUUID))
            if let token {
                try db.cachedStatement(sql: "UPDATE payload SET user_token = ? WHERE uuid = ? AND user_token IS NULL")
                    .execute(arguments: [token, d.payloadUUID])
            }
        }
        return true
    }
}
