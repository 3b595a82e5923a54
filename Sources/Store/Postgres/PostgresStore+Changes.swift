import Foundation
import PostgresNIO

extension PostgresStore {
    /// The channel every commit with changes `NOTIFY`s, with its newest change number as payload.
    static let changeChannel = "pushdesk_changes"

    /// Serialises appends to the feed, so numbers follow commit order: a reader that saw number N
    /// can never later find a smaller number committed (a plain sequence hands out numbers at
    /// insert time, and transactions commit in any order). Held from the append to the commit only.
    static let feedLockKey: Int64 = 0x7064_6665_6564_0001

    public func changes(after number: Int64, limit: Int) async throws -> [NumberedChange] {
        try await read { tx in
            var out: [NumberedChange] = []
            let rows = try await tx.query("SELECT number, kind, key, origin FROM changes WHERE number > \(number) ORDER BY number LIMIT \(limit)")
            for try await (n, kind, key, origin) in rows.decode((Int64, String, String, String?).self) {
                if let change = StoreChange(kind: kind, key: key) { out.append(NumberedChange(number: n, change: change, origin: origin)) }
            }
            return out
        }
    }

    public func latestChangeNumber() async throws -> Int64 {
        try await read { tx in
            try await tx.query("SELECT coalesce(max(number), 0)::bigint FROM changes").collect().first?.decode(Int64.self) ?? 0
        }
    }

    /// Appends the transaction's noted changes (in order) and notifies their newest number; the
    /// notification is delivered when the transaction commits, and not at all if it rolls back.
    static func appendChanges(_ tx: PostgresTransaction) async throws {
        guard !tx.changes.isEmpty else { return }
        var seen = Set<StoreChange>()
        let unique = tx.changes.filter { seen.insert($0).inserted }
        let kinds = unique.map(\.kind), keys = unique.map(\.key)
        tx.changes.removeAll()
        try await tx.query("SELECT pg_advisory_xact_lock(\(feedLockKey))")
        let rows = try await tx.query("""
            INSERT INTO changes (kind, key, origin)
            SELECT kind, key, \(tx.origin) FROM unnest(\(kinds)::text[], \(keys)::text[]) WITH ORDINALITY AS t(kind, key, i) ORDER BY i
            RETURNING number
            """).collect()
        let newest = try rows.map { try $0.decode(Int64.self) }.max() ?? 0
        try await tx.query("SELECT pg_notify(\(changeChannel), \(String(newest)))")
    }
}
