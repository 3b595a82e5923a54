import Foundation
import GRDB

extension SQLiteStore {
    private static let intentColumns = "identifier, user_token, user_name, transaction_type, txjson, expire_minutes, instruction, created, operator"

    public func recordIntent(_ i: PushIntent) async throws {
        try await recordIntents([i])
    }

    public func recordIntents(_ intents: [PushIntent]) async throws {
        guard !intents.isEmpty else { return }
        try await db.write { db in
            let insert = try db.cachedStatement(sql: "INSERT OR REPLACE INTO push_intent (\(Self.intentColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
            for i in intents {
                try insert.execute(arguments: [
                    i.identifier, i.userToken, i.userName, i.transactionType, i.txjson, i.expireMinutes, i.instruction,
                    i.created.timeIntervalSince1970, i.operatorName,
                ])
            }
        }
    }

    public func dropIntents(identifiers: [String]) async throws {
        guard !identifiers.isEmpty else { return }
        try await db.write { db in
            let delete = try db.cachedStatement(sql: "DELETE FROM push_intent WHERE identifier = ?")
            for identifier in identifiers { try delete.execute(arguments: [identifier]) }
        }
    }

    public func pendingIntents() async throws -> [PushIntent] {
        try await db.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.intentColumns) FROM push_intent ORDER BY created, identifier").map { r in
                PushIntent(identifier: r[0], userToken: r[1], userName: r[2], transactionType: r[3], txjson: r[4],
                           expireMinutes: r[5], instruction: r[6], created: Date(timeIntervalSince1970: r[7]), operatorName: r[8])
            }
        }
    }

    public func dropIntent(identifier: String, audit entry: AuditEntry?) async throws {
        try await db.write { db in
            try db.execute(sql: "DELETE FROM push_intent WHERE identifier = ?", arguments: [identifier])
            if let entry { try Self.audit(db, entry) }
        }
    }
}
