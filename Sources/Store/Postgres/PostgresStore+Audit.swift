import Foundation
import PostgresNIO

extension PostgresStore {
    public func audit(_ entry: AuditEntry) async throws {
        try await transaction { c in try await Self.audit(c, entry) }
    }

    public func auditLog(limit: Int) async throws -> [AuditEntry] {
        try await read { c in
            var entries: [AuditEntry] = []
            let rows = try await c.query("SELECT at, actor, action, detail FROM audit_log ORDER BY id DESC LIMIT \(limit)")
            for try await (at, actor, action, detail) in rows.decode((Double, String, String, String).self) {
                entries.append(AuditEntry(at: Date(timeIntervalSince1970: at), actor: actor, action: action, detail: detail))
            }
            return entries
        }
    }

    static func audit(_ c: PostgresTransaction, _ e: AuditEntry) async throws {
        let rows = try await c.query("""
            INSERT INTO audit_log (at, actor, action, detail) VALUES (\(e.at.timeIntervalSince1970), \(e.actor), \(e.action), \(e.detail))
            RETURNING id
            """).collect()
        if let id = try rows.first?.decode(Int64.self) { c.note(.audit(id)) }
    }
}
