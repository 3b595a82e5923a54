import Foundation
import GRDB

extension SQLiteStore {
    public func audit(_ entry: AuditEntry) async throws {
        try await db.write { db in try Self.audit(db, entry) }
    }

    public func auditLog(limit: Int) async throws -> [AuditEntry] {
        try await db.read { db in
            try Row.fetchAll(db, sql: "SELECT at, actor, action, detail FROM audit_log ORDER BY id DESC LIMIT ?", arguments: [limit]).map {
                AuditEntry(at: Date(timeIntervalSince1970: $0[0]), actor: $0[1], action: $0[2], detail: $0[3])
            }
        }
    }

    static func audit(_ db: Database, _ e: AuditEntry) throws {
        try db.execute(sql: "INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)",
                       arguments: [e.at.timeIntervalSince1970, e.actor, e.action, e.detail])
        try note(db, .audit(db.lastInsertedRowID))
    }
}
