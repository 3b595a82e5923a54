import Foundation
import GRDB

extension PushDeskStore {
    private static let intentColumns = "identifier, user_token, user_name, transaction_type, txjson, expire_minutes, instruction, created, operator"

    /// Records a push about to be created (see ``PushIntent``).
    public func recordIntent(_ i: PushIntent) async throws {
        try await db.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO push_intent (\(Self.intentColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", arguments: [
                i.identifier, i.userToken, i.userName, i.transactionType, i.txjson, i.expireMinutes, i.instruction,
                i.created.timeIntervalSince1970, i.operatorName,
            ])
        }
    }

    /// Pushes whose create was started but whose payload was never saved, oldest first.
    public func pendingIntents() throws -> [PushIntent] {
        try db.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.intentColumns) FROM push_intent ORDER BY created, identifier").map { r in
                PushIntent(identifier: r[0], userToken: r[1], userName: r[2], transactionType: r[3], txjson: r[4],
                           expireMinutes: r[5], instruction: r[6], created: Date(timeIntervalSince1970: r[7]), operatorName: r[8])
            }
        }
    }

    /// Forgets an intent whose payload was never created, with an audit entry saying why.
    public func dropIntent(identifier: String, audit entry: AuditEntry?) async throws {
        try await db.write { db in
            try db.execute(sql: "DELETE FROM push_intent WHERE identifier = ?", arguments: [identifier])
            if let entry { try Self.audit(db, entry) }
        }
    }
}
