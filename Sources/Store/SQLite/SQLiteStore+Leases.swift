import Domain
import Foundation
import GRDB

extension SQLiteStore {
    public func claimLease(uuid: String, holder: String, until: Date, now: Date) async throws -> PayloadLease {
        try await db.write { db in
            try db.cachedStatement(sql: """
                INSERT INTO payload_lease (uuid, holder, expires_at) VALUES (?, ?, ?)
                ON CONFLICT (uuid) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
                WHERE payload_lease.holder = excluded.holder OR payload_lease.expires_at < ?
                """).execute(arguments: [uuid, holder, until.timeIntervalSince1970, now.timeIntervalSince1970])
            let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT holder, expires_at FROM payload_lease WHERE uuid = ?"), arguments: [uuid])
            guard let row else { throw StoreError.failed(store: path, reason: "the lease of \(uuid) vanished while it was claimed") }
            return PayloadLease(uuid: uuid, holder: row[0], expires: Date(timeIntervalSince1970: row[1]))
        }
    }

    public func renewLeases(uuids: [String], holder: String, until: Date) async throws -> Set<String> {
        guard !uuids.isEmpty else { return [] }
        return try await db.write { db in
            let renew = try db.cachedStatement(sql: "UPDATE payload_lease SET expires_at = ? WHERE uuid = ? AND holder = ?")
            var held: Set<String> = []
            for uuid in uuids {
                try renew.execute(arguments: [until.timeIntervalSince1970, uuid, holder])
                if db.changesCount > 0 { held.insert(uuid) }
            }
            return held
        }
    }

    public func releaseLeases(uuids: [String], holder: String) async throws {
        guard !uuids.isEmpty else { return }
        try await db.write { db in
            let release = try db.cachedStatement(sql: "DELETE FROM payload_lease WHERE uuid = ? AND holder = ?")
            for uuid in uuids { try release.execute(arguments: [uuid, holder]) }
        }
    }

    public func unfollowedPayloads(now: Date, limit: Int) async throws -> [PayloadRecord] {
        try await db.read { db in
            try Self.payloads(db, sql: """
                SELECT \(Self.payloadColumns) FROM payload WHERE outcome IS NULL
                    AND uuid NOT IN (SELECT uuid FROM payload_lease WHERE expires_at >= ?)
                ORDER BY created, rowid LIMIT ?
                """, arguments: [now.timeIntervalSince1970, limit])
        }
    }
}
