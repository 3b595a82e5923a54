import Foundation
import GRDB

/// One line of the audit log: who did what, when.
public struct AuditEntry: Sendable, Equatable, Codable {
    public var at: Date
    public var actor: String
    public var action: String
    public var detail: String
    public init(at: Date, actor: String, action: String, detail: String) {
        self.at = at; self.actor = actor; self.action = action; self.detail = detail
    }
}

extension PushDeskStore {
    /// Appends to the audit log. Callers must not pass secrets in `detail`.
    public func audit(action: String, actor: String, detail: String, at: Date) throws {
        try db.write { db in try Self.audit(db, AuditEntry(at: at, actor: actor, action: action, detail: detail)) }
    }

    /// The newest `limit` audit entries, newest first.
    public func auditLog(limit: Int = 100) throws -> [AuditEntry] {
        try db.read { db in
            try Row.fetchAll(db, sql: "SELECT at, actor, action, detail FROM audit_log ORDER BY id DESC LIMIT ?", arguments: [limit]).map {
                AuditEntry(at: Date(timeIntervalSince1970: $0[0]), actor: $0[1], action: $0[2], detail: $0[3])
            }
        }
    }

    static func audit(_ db: Database, _ e: AuditEntry) throws {
        try db.execute(sql: "INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)",
                       arguments: [e.at.timeIntervalSince1970, e.actor, e.action, e.detail])
    }
}
