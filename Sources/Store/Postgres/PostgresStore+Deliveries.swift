import Domain
import Foundation
import PostgresNIO

extension PostgresStore {
    /// The batch in a few statements (``recordBulk(_:_:)``); if that fails for anything but a lost
    /// connection, again one by one with a savepoint each, so one bad delivery fails alone.
    public func recordDeliveries(_ deliveries: [WebhookDelivery]) async throws -> [Result<Bool, any Error>] {
        guard !deliveries.isEmpty else { return [] }
        do {
            return try await transaction { c in try await Self.recordBulk(c, deliveries).map { .success($0) } }
        } catch let error as StoreError where error.isOffline {
            throw error
        } catch {
            return try await writeEach(deliveries) { c, delivery in try await Self.record(c, delivery) }
        }
    }

    public func hasDelivery(key: String) async throws -> Bool {
        try await read { c in
            !(try await c.query("SELECT 1 FROM webhook_delivery WHERE delivery_key = \(key)").collect()).isEmpty
        }
    }

    public func deliveryCount() async throws -> Int {
        try await read { c in try await Self.count(c, "SELECT count(*) FROM webhook_delivery") }
    }

    /// One delivery (see ``PushDeskStore/recordDeliveries(_:)``). The key's primary key makes a
    /// retry, from this process or another replica, change nothing.
    static func record(_ c: PostgresTransaction, _ d: WebhookDelivery) async throws -> Bool {
        let token = d.userToken.flatMap { $0.isEmpty ? nil : $0 }
        let inserted = try await c.query("""
            INSERT INTO webhook_delivery (delivery_key, payload_uuid, received_at, signed, user_token)
            VALUES (\(d.key), \(d.payloadUUID), \(d.receivedAt.timeIntervalSince1970), \(d.signed), \(token))
            ON CONFLICT (delivery_key) DO NOTHING RETURNING 1
            """).collect()
        guard !inserted.isEmpty else { return false }
        c.note(.delivery(d.key))
        if let token {
            let user = KnownUser(userToken: token, tokenIssued: d.tokenIssued, tokenExpiration: d.tokenExpiration,
                                 lastSigned: d.signed == true ? d.receivedAt : nil, source: .webhook)
            try await upsert(c, user, now: d.receivedAt)
        }
        if try await payloadExists(c, uuid: d.payloadUUID) {
            let detail = d.signed.map { $0 ? "signed" : "rejected" } ?? "delivered"
            try await insertEvent(c, uuid: d.payloadUUID, PayloadEvent(at: d.receivedAt, kind: .webhook, detail: detail))
            c.note(.payload(d.payloadUUID))
            if let token {
                try await c.query("UPDATE payload SET user_token = \(token) WHERE uuid = \(d.payloadUUID) AND user_token IS NULL")
            }
        }
        return true
    }
}
