import Foundation
import PostgresNIO

extension PostgresStore {
    private static let intentColumns = "identifier, user_token, user_name, transaction_type, txjson, expire_minutes, instruction, created, operator"

    public func recordIntent(_ i: PushIntent) async throws {
        try await transaction { c in
            try await c.query("""
                INSERT INTO push_intent (\(unescaped: Self.intentColumns)) VALUES (\(i.identifier), \(i.userToken), \(i.userName),
                    \(i.transactionType), \(i.txjson), \(i.expireMinutes), \(i.instruction), \(i.created.timeIntervalSince1970), \(i.operatorName))
                ON CONFLICT (identifier) DO UPDATE SET user_token = excluded.user_token, user_name = excluded.user_name,
                    transaction_type = excluded.transaction_type, txjson = excluded.txjson, expire_minutes = excluded.expire_minutes,
                    instruction = excluded.instruction, created = excluded.created, operator = excluded.operator
                """)
            return ()
        }
    }

    public func pendingIntents() async throws -> [PushIntent] {
        try await read { c in
            var intents: [PushIntent] = []
            let rows = try await c.query("SELECT \(unescaped: Self.intentColumns) FROM push_intent ORDER BY created, identifier")
            for try await (id, token, name, type, txjson, expire, instruction, created, op) in
                rows.decode((String, String?, String?, String, String, Int?, String?, Double, String?).self) {
                intents.append(PushIntent(identifier: id, userToken: token, userName: name, transactionType: type, txjson: txjson,
                                          expireMinutes: expire, instruction: instruction, created: Date(timeIntervalSince1970: created),
                                          operatorName: op))
            }
            return intents
        }
    }

    public func dropIntent(identifier: String, audit entry: AuditEntry?) async throws {
        try await transaction { c in
            try await c.query("DELETE FROM push_intent WHERE identifier = \(identifier)")
            if let entry { try await Self.audit(c, entry) }
        }
    }
}
