import Domain
import Foundation
import PostgresNIO

extension PostgresStore {
    /// A user row as `jsonb_to_recordset` reads it (dates as unix seconds, nulls as null).
    struct UserRecord: Encodable {
        let user_token: String
        let name: String?
        let account: String?
        let token_issued: Double?
        let token_expiration: Double?
        let last_signed: Double?
        let source: String
        let verified_active: Bool?
        let verified_at: Double?
        let push_count: Int
        let at: Double

        init(_ u: KnownUser, at: Date) {
            user_token = u.userToken; name = u.name; account = u.account
            token_issued = u.tokenIssued?.timeIntervalSince1970; token_expiration = u.tokenExpiration?.timeIntervalSince1970
            last_signed = u.lastSigned?.timeIntervalSince1970; source = u.source.rawValue; verified_active = u.verifiedActive
            verified_at = u.verifiedAt?.timeIntervalSince1970; push_count = u.pushCount; self.at = at.timeIntervalSince1970
        }

        /// The record's columns for `AS v(...)`.
        static let recordType = """
            user_token text, name text, account text, token_issued double precision, token_expiration double precision,
            last_signed double precision, source text, verified_active boolean, verified_at double precision, push_count bigint,
            at double precision
            """
    }

    /// Many rows as one JSON parameter (`jsonb_to_recordset`): one statement, one round trip, for a
    /// whole batch, with nulls as they are. Every value travels as data, never as SQL.
    static func json<T: Encodable>(_ rows: [T]) throws -> String {
        String(decoding: try JSONEncoder().encode(rows), as: UTF8.self)
    }

    /// Rows per statement in a bulk write (a 100,000-user import is 20 statements of each kind).
    static let bulkChunk = 5_000

    /// Merges `users` into the table as ``upsert(_:_:now:)`` does one by one, in order (a token
    /// twice in the list merges twice), in a few statements per ``bulkChunk``: the stored rows are
    /// read and locked at once, merged here, then inserted and updated in bulk.
    /// - Throws: ``BulkConflict`` when another transaction inserted one of the new tokens meanwhile
    ///   (the caller redoes the work one by one, which merges into that row).
    static func bulkUpsert(_ c: PostgresTransaction, _ users: [KnownUser], now: Date) async throws -> [UpsertOutcome] {
        var outcomes: [UpsertOutcome] = []
        outcomes.reserveCapacity(users.count)
        var start = 0
        while start < users.count {
            let end = min(start + bulkChunk, users.count)
            outcomes += try await bulkUpsertChunk(c, users[start..<end], now: now)
            start = end
        }
        return outcomes
    }

    private static func bulkUpsertChunk(_ c: PostgresTransaction, _ users: ArraySlice<KnownUser>, now: Date) async throws -> [UpsertOutcome] {
        var seen = Set<String>()
        let tokens = users.map(\.userToken).filter { seen.insert($0).inserted }
        var stored: [String: KnownUser] = [:]
        // Locked in token order (as are the inserts below), so two replicas' batches cannot deadlock.
        for u in try await Self.users(c, "SELECT \(unescaped: userColumns) FROM known_user WHERE user_token = ANY(\(tokens)) ORDER BY user_token FOR UPDATE") {
            stored[u.userToken] = u
        }
        let existed = Set(stored.keys)
        var current = stored
        var changed: [String] = [] // in first-change order
        var changedSet = Set<String>()
        var outcomes: [UpsertOutcome] = []
        for incoming in users {
            let outcome: UpsertOutcome
            if let existing = current[incoming.userToken] {
                let merged = UserMerge.merge(existing: existing, incoming: incoming)
                outcome = merged == existing ? .unchanged : .updated
                current[incoming.userToken] = merged
            } else {
                outcome = .inserted
                current[incoming.userToken] = incoming
            }
            outcomes.append(outcome)
            if outcome != .unchanged, changedSet.insert(incoming.userToken).inserted { changed.append(incoming.userToken) }
        }
        let ordered = changed.sorted()
        let inserts = ordered.filter { !existed.contains($0) }.map { UserRecord(current[$0]!, at: now) }
        let updates = ordered.filter { existed.contains($0) }.map { UserRecord(current[$0]!, at: now) }
        if !inserts.isEmpty {
            let rows = try await c.query("""
                INSERT INTO known_user (\(unescaped: userColumns), created_at, updated_at)
                SELECT user_token, name, account, token_issued, token_expiration, last_signed, source, verified_active, verified_at,
                       push_count, at, at
                FROM jsonb_to_recordset(\(try json(inserts))::jsonb) AS v(\(unescaped: UserRecord.recordType))
                ON CONFLICT (user_token) DO NOTHING RETURNING 1
                """).collect()
            if rows.count != inserts.count { throw BulkConflict() }
        }
        if !updates.isEmpty {
            try await c.query("""
                UPDATE known_user AS u SET name = v.name, account = v.account, token_issued = v.token_issued,
                    token_expiration = v.token_expiration, last_signed = v.last_signed, source = v.source,
                    verified_active = v.verified_active, verified_at = v.verified_at, push_count = v.push_count, updated_at = v.at
                FROM jsonb_to_recordset(\(try json(updates))::jsonb) AS v(\(unescaped: UserRecord.recordType))
                WHERE u.user_token = v.user_token
                """)
        }
        for token in changed { c.note(.user(token)) }
        return outcomes
    }
}

/// A new token of a bulk upsert was inserted by another transaction meanwhile.
struct BulkConflict: Error {}
