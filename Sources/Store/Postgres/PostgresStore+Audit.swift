import Foundation
import PostgresNIO

extension PostgresStore {
    public func audit(_ entry: AuditEntry) async throws {
        try await transaction { c in try await Self.audit(c, entry) }
    }

    public func auditLog(limit: Int, since: Date?) async throws -> [AuditEntry] {
        try await read { c in
            var entries: [AuditEntry] = []
            let rows = try await c.query("""
                SELECT at, actor, action, detail, payload_uuid, user_token FROM audit_log
                WHERE \(since == nil) OR at >= \(since?.timeIntervalSince1970 ?? 0) ORDER BY id DESC LIMIT \(limit)
                """)
            for try await (at, actor, action, detail, uuid, token) in rows.decode((Double, String, String, String, String?, String?).self) {
                entries.append(AuditEntry(at: Date(timeIntervalSince1970: at), actor: actor, action: action, detail: detail,
                                          payloadUUID: uuid, userToken: token))
            }
            return entries
        }
    }

    static func audit(_ c: PostgresTransaction, _ e: AuditEntry) async throws {
        let rows = try await c.query("""
            INSERT INTO audit_log (at, actor, action, detail, payload_uuid, user_token)
            VALUES (\(e.at.timeIntervalSince1970), \(e.actor), \(e.action), \(e.detail), \(e.payloadUUID), \(e.userToken))
            RETURNING id
            """).collect()
        if let id = try rows.first?.decode(Int64.self) { c.note(.audit(id)) }
    }
}
