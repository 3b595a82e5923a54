import Domain
import Foundation
import PostgresNIO

extension PostgresStore {
    public func claimLease(uuid: String, holder: String, until: Date, now: Date) async throws -> PayloadLease {
        try await read { c in
            // The upsert and the read are one statement: the read sees the row as the upsert left it
            // (a refused claim updates nothing, so the current holder's row is read back).
            let rows = try await c.query("""
                WITH claimed AS (
                    INSERT INTO payload_lease (uuid, holder, expires_at) VALUES (\(uuid), \(holder), \(until.timeIntervalSince1970))
                    ON CONFLICT (uuid) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
                    WHERE payload_lease.holder = excluded.holder OR payload_lease.expires_at < \(now.timeIntervalSince1970)
                    RETURNING holder, expires_at)
                SELECT holder, expires_at FROM claimed
                UNION ALL SELECT holder, expires_at FROM payload_lease WHERE uuid = \(uuid) AND NOT EXISTS (SELECT 1 FROM claimed)
                """).collect()
            // Two first claims at once: the loser's statement snapshot predates the winner's row,
            // so it reads the row again in a statement of its own.
            let again = rows.isEmpty ? try await c.query("SELECT holder, expires_at FROM payload_lease WHERE uuid = \(uuid)").collect() : rows
            guard let row = again.first else {
                throw StoreError.failed(store: endpoint.address, reason: "the lease of \(uuid) vanished while it was claimed")
            }
            let (h, expires) = try row.decode((String, Double).self)
            return PayloadLease(uuid: uuid, holder: h, expires: Date(timeIntervalSince1970: expires))
        }
    }

    public func renewLeases(uuids: [String], holder: String, until: Date) async throws -> Set<String> {
        guard !uuids.isEmpty else { return [] }
        return try await read { c in
            let rows = try await c.query("""
                UPDATE payload_lease SET expires_at = \(until.timeIntervalSince1970)
                WHERE uuid = ANY(\(uuids)) AND holder = \(holder) RETURNING uuid
                """)
            var held: Set<String> = []
            for try await uuid in rows.decode(String.self) { held.insert(uuid) }
            return held
        }
    }

    public func releaseLeases(uuids: [String], holder: String) async throws {
        guard !uuids.isEmpty else { return }
        try await read { c in
            try await c.query("DELETE FROM payload_lease WHERE uuid = ANY(\(uuids)) AND holder = \(holder)")
            return ()
        }
    }

    public func unfollowedPayloads(now: Date, limit: Int) async throws -> [PayloadRecord] {
        try await read { c in
            try await Self.payloads(c, """
                SELECT \(unescaped: Self.payloadColumns) FROM payload WHERE outcome IS NULL
                    AND uuid NOT IN (SELECT uuid FROM payload_lease WHERE expires_at >= \(now.timeIntervalSince1970))
                ORDER BY created, seq LIMIT \(limit)
                """)
        }
    }
}
