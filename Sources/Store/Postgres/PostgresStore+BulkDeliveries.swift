import Domain
import Foundation
import PostgresNIO

extension PostgresStore {
    /// A delivery row for `jsonb_to_recordset`.
    private struct DeliveryRecord: Encodable {
        let delivery_key: String
        let payload_uuid: String
        let received_at: Double
        let signed: Bool?
        let user_token: String?
    }

    /// A timeline event row for `jsonb_to_recordset`.
    private struct EventRecord: Encodable {
        let payload_uuid: String
        let at: Double
        let kind: String
        let detail: String?
    }

    /// A whole batch of deliveries in a few statements (the inbox's group commit on PostgreSQL),
    /// with the same effect as ``record(_:_:)`` for each in order: the new deliveries are inserted
    /// at once, their users merged in bulk (``bulkUpsert(_:_:now:)``), the payloads PushDesk has get
    /// their `webhook` events and missing tokens in two more statements.
    /// - Returns: per delivery, true when new, false for a retry (also within the batch).
    static func recordBulk(_ c: PostgresTransaction, _ deliveries: [WebhookDelivery]) async throws -> [Bool] {
        func token(_ d: WebhookDelivery) -> String? { d.userToken.flatMap { $0.isEmpty ? nil : $0 } }
        let rows = deliveries.map {
            DeliveryRecord(delivery_key: $0.key, payload_uuid: $0.payloadUUID, received_at: $0.receivedAt.timeIntervalSince1970,
                           signed: $0.signed, user_token: token($0))
        }
        let inserted = try await c.query("""
            INSERT INTO webhook_delivery (delivery_key, payload_uuid, received_at, signed, user_token)
            SELECT delivery_key, payload_uuid, received_at, signed, user_token
            FROM jsonb_to_recordset(\(try json(rows))::jsonb)
                AS v(delivery_key text, payload_uuid text, received_at double precision, signed boolean, user_token text)
            ON CONFLICT (delivery_key) DO NOTHING RETURNING delivery_key
            """).collect()
        var unclaimed = Set(try inserted.map { try $0.decode(String.self) })
        let isNew = deliveries.map { unclaimed.remove($0.key) != nil }
        let fresh = zip(deliveries, isNew).filter(\.1).map(\.0)
        guard !fresh.isEmpty else { return isNew }
        for d in fresh { c.note(.delivery(d.key)) }

        let users = fresh.compactMap { d in
            token(d).map { KnownUser(userToken: $0, tokenIssued: d.tokenIssued, tokenExpiration: d.tokenExpiration,
                                     lastSigned: d.signed == true ? d.receivedAt : nil, source: .webhook) }
        }
        if !users.isEmpty {
            // Merged at the time each was received, as one by one (`updated_at` is the batch's latest).
            _ = try await bulkUpsert(c, users, now: fresh.map(\.receivedAt).max() ?? Date())
        }

        let uuids = Array(Set(fresh.map(\.payloadUUID)))
        let known = Set(try await c.query("SELECT uuid FROM payload WHERE uuid = ANY(\(uuids))").collect().map { try $0.decode(String.self) })
        let ours = fresh.filter { known.contains($0.payloadUUID) }
        guard !ours.isEmpty else { return isNew }
        let events = ours.map { d in
            EventRecord(payload_uuid: d.payloadUUID, at: d.receivedAt.timeIntervalSince1970, kind: PayloadEventKind.webhook.rawValue,
                        detail: d.signed.map { $0 ? "signed" : "rejected" } ?? "delivered")
        }
        try await c.query("""
            INSERT INTO payload_event (payload_uuid, at, kind, detail)
            SELECT payload_uuid, at, kind, detail FROM jsonb_to_recordset(\(try json(events))::jsonb)
                AS v(payload_uuid text, at double precision, kind text, detail text)
            """)
        let tokens = ours.compactMap { d in token(d).map { DeliveryRecord(delivery_key: d.key, payload_uuid: d.payloadUUID, received_at: 0, signed: nil, user_token: $0) } }
        if !tokens.isEmpty {
            try await c.query("""
                UPDATE payload AS p SET user_token = v.user_token
                FROM jsonb_to_recordset(\(try json(tokens))::jsonb) AS v(payload_uuid text, user_token text)
                WHERE p.uuid = v.payload_uuid AND p.user_token IS NULL
                """)
        }
        for d in ours { c.note(.payload(d.payloadUUID)) }
        return isNew
    }
}
