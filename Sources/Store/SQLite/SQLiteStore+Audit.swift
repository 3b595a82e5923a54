import Foundation
import GRDB

extension SQLiteStore {
    public func audit(_ entry: AuditEntry) async throws {
        try await db.write { db in try Self.audit(db, entry) }
    }

    public func auditLog(limit: Int, since: Date?) async throws -> [AuditEntry] {
        try await db.read { db in
            try Row.fetchAll(db, sql: """
                SELECT at, actor, action, detail, payload_uuid, user_token FROM audit_log WHERE at >= ? ORDER BY id DESC LIMIT ?
                """, arguments: [since?.timeIntervalSince1970 ?? -Double.greatestFiniteMagnitude, limit]).map {
                AuditEntry(at: Date(timeIntervalSince1970: $0[0]), actor: $0[1], action: $0[2], detail: $0[3], payloadUUID: $0[4], userToken: $0[5])
            }
        }
    }

    static func audit(_ db: Database, _ e: AuditEntry) throws {
        try db.cachedStatement(sql: "INSERT INTO audit_log (at, actor, action, detail, payload_uuid, user_token) VALUES (?, ?, ?, ?, ?, ?)")
            .execute(arguments: [e.at.timeIntervalSince1970, e.actor, e.action, e.detail, e.payloadUUID, e.userToken])
        try note(db, .audit(db.lastInsertedRowID))
    }
}
