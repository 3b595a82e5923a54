import Domain
import Foundation
import PostgresNIO

extension PostgresStore {
    static let userColumns = "user_token, name, account, token_issued, token_expiration, last_signed, source, verified_active, verified_at, push_count"

    /// A large table is read in block ranges (TID range scans) on parallel pooled connections, as
    /// SQLite reads rowid ranges: decoding rows into `KnownUser`s is most of the cost, and it splits
    /// cleanly. Each range is its own snapshot; a user written meanwhile may show its old or new
    /// version, and an update that moves a row to another block could show it twice, so rows are
    /// de-duplicated by token.
    public func allUsers() async throws -> [KnownUser] {
        let pages = try await read { c in
            // The table's size in blocks now (pg_class.relpages is only as fresh as the last ANALYZE).
            try await c.query("SELECT (pg_relation_size('known_user') / current_setting('block_size')::bigint)::bigint")
                .collect().first?.decode(Int64.self) ?? 0
        }
        let parts = pages < Self.parallelReadPages ? 1 : 4
        guard parts > 1 else { return try await usersInBlocks(nil) }
        let step = pages / Int64(parts) + 1
        let ranges: [Range<Int64>?] = (0..<parts).map { i in Int64(i) * step..<(i == parts - 1 ? Int64(Int32.max) : Int64(i + 1) * step) }
        var chunks = [[KnownUser]](repeating: [], count: parts)
        try await withThrowingTaskGroup(of: (Int, [KnownUser]).self) { group in
            for (i, range) in ranges.enumerated() {
                group.addTask { (i, try await self.usersInBlocks(range)) }
            }
            for try await (i, chunk) in group { chunks[i] = chunk }
        }
        var seen = Set<String>()
        var all: [KnownUser] = []
        all.reserveCapacity(chunks.reduce(0) { $0 + $1.count })
        for chunk in chunks { for u in chunk where seen.insert(u.userToken).inserted { all.append(u) } }
        return all
    }

    /// Tables of fewer pages than this (about 20,000 users) are read on one connection.
    static let parallelReadPages: Int64 = 250

    private func usersInBlocks(_ blocks: Range<Int64>?) async throws -> [KnownUser] {
        try await read { c in
            var users: [KnownUser] = []
            let query: PostgresQuery
            if let blocks {
                query = """
                    SELECT \(unescaped: Self.userColumns) FROM known_user
                    WHERE ctid >= format('(%s,0)', \(blocks.lowerBound))::tid AND ctid < format('(%s,0)', \(blocks.upperBound))::tid
                    """
            } else {
                query = "SELECT \(unescaped: Self.userColumns) FROM known_user"
            }
            for try await row in try await c.query(query) { users.append(try Self.user(row)) }
            return users
        }
    }

    public func user(token: String) async throws -> KnownUser? {
        try await read { c in try await Self.user(c, token: token) }
    }

    public func findUser(nameOrAccountOrToken query: String) async throws -> KnownUser? {
        let q = query.trimmingCharacters(in: .whitespaces)
        guard !q.isEmpty else { return nil }
        return try await read { c in
            if let u = try await Self.user(c, token: q) { return u }
            let byAccount = try await Self.users(c, "SELECT \(unescaped: Self.userColumns) FROM known_user WHERE account = \(q) ORDER BY last_signed DESC NULLS LAST LIMIT 1")
            if let u = byAccount.first { return u }
            let byName = try await Self.users(c, "SELECT \(unescaped: Self.userColumns) FROM known_user WHERE lower(name) = lower(\(q)) LIMIT 2")
            if byName.count > 1 { throw StoreError.ambiguous(query: q, matches: byName.count) }
            if let u = byName.first { return u }
            guard q.count >= 4 else { return nil }
            // starts_with: no pattern, so `_` and `%` are characters.
            let byPrefix = try await Self.users(c, "SELECT \(unescaped: Self.userColumns) FROM known_user WHERE starts_with(user_token, \(q)) LIMIT 2")
            if byPrefix.count > 1 { throw StoreError.ambiguous(query: q, matches: byPrefix.count) }
            return byPrefix.first
        }
    }

    /// In bulk (``bulkUpsert(_:_:now:)``); when another process inserted one of the new tokens
    /// meanwhile, again one by one (which merges into its row).
    @discardableResult
    public func upsertUsers(_ users: [KnownUser], at now: Date) async throws -> [UpsertOutcome] {
        do {
            return try await transaction { c in try await Self.bulkUpsert(c, users, now: now) }
        } catch is BulkConflict {
            return try await transaction { c in
                var outcomes: [UpsertOutcome] = []
                outcomes.reserveCapacity(users.count)
                for u in users { outcomes.append(try await Self.upsert(c, u, now: now)) }
                return outcomes
            }
        }
    }

    @discardableResult
    public func forgetUser(token: String) async throws -> Bool {
        try await transaction { c in
            let removed = try await c.query("DELETE FROM known_user WHERE user_token = \(token) RETURNING 1").collect()
            try await c.query("UPDATE payload SET user_token = NULL WHERE user_token = \(token)")
            try await c.query("UPDATE payload SET issued_user_token = NULL WHERE issued_user_token = \(token)")
            try await c.query("UPDATE webhook_delivery SET user_token = NULL WHERE user_token = \(token)")
            if !removed.isEmpty { c.note(.user(token)) }
            return !removed.isEmpty
        }
    }

    public func userCount() async throws -> Int {
        try await read { c in try await Self.count(c, "SELECT count(*) FROM known_user") }
    }

    @discardableResult
    public func applyVerification(_ checks: [TokenCheck], at now: Date) async throws -> Int {
        try await transaction { c in
            var n = 0
            let at = now.timeIntervalSince1970
            for check in checks {
                let rows = try await c.query("""
                    UPDATE known_user SET verified_active = \(check.active), verified_at = \(at),
                        token_issued = coalesce(\(check.issued?.timeIntervalSince1970), token_issued),
                        token_expiration = coalesce(\(check.expires?.timeIntervalSince1970), token_expiration),
                        updated_at = \(at)
                    WHERE user_token = \(check.userToken) RETURNING 1
                    """).collect()
                n += rows.count
                if !rows.isEmpty { c.note(.user(check.userToken)) }
            }
            return n
        }
    }

    // MARK: Helpers (run inside a caller's connection or transaction)

    static func user(_ c: PostgresTransaction, token: String, forUpdate: Bool = false) async throws -> KnownUser? {
        let lock = forUpdate ? " FOR UPDATE" : ""
        return try await users(c, "SELECT \(unescaped: userColumns) FROM known_user WHERE user_token = \(token)\(unescaped: lock)").first
    }

    static func users(_ c: PostgresTransaction, _ query: PostgresQuery) async throws -> [KnownUser] {
        try await c.query(query).collect().map(user)
    }

    static func count(_ c: PostgresTransaction, _ query: PostgresQuery) async throws -> Int {
        try await c.query(query).collect().first?.decode(Int.self) ?? 0
    }

    static func user(_ row: PostgresRow) throws -> KnownUser {
        let (token, name, account, issued, expiration, lastSigned, source, active, verifiedAt, pushes) =
            try row.decode((String, String?, String?, Double?, Double?, Double?, String, Bool?, Double?, Int).self)
        return KnownUser(userToken: token, name: name, account: account, tokenIssued: date(issued), tokenExpiration: date(expiration),
                         lastSigned: date(lastSigned), source: UserSource(rawValue: source) ?? .manual,
                         verifiedActive: active, verifiedAt: date(verifiedAt), pushCount: pushes)
    }

    static func date(_ seconds: Double?) -> Date? { seconds.map(Date.init(timeIntervalSince1970:)) }

    /// Inserts or merges one user (see ``UserMerge``). The stored row is locked while it is merged,
    /// so two processes renewing the same user do not lose either's change; a first insert that
    /// races another is retried as a merge.
    @discardableResult
    static func upsert(_ c: PostgresTransaction, _ incoming: KnownUser, now: Date) async throws -> UpsertOutcome {
        for _ in 0..<2 {
            if let existing = try await user(c, token: incoming.userToken, forUpdate: true) {
                let merged = UserMerge.merge(existing: existing, incoming: incoming)
                if merged == existing { return .unchanged }
                try await update(c, merged, now: now)
                c.note(.user(merged.userToken))
                return .updated
            }
            let u = incoming
            let inserted = try await c.query("""
                INSERT INTO known_user (\(unescaped: userColumns), created_at, updated_at) VALUES (\(u.userToken), \(u.name), \(u.account),
                    \(u.tokenIssued?.timeIntervalSince1970), \(u.tokenExpiration?.timeIntervalSince1970), \(u.lastSigned?.timeIntervalSince1970),
                    \(u.source.rawValue), \(u.verifiedActive), \(u.verifiedAt?.timeIntervalSince1970), \(u.pushCount),
                    \(now.timeIntervalSince1970), \(now.timeIntervalSince1970))
                ON CONFLICT (user_token) DO NOTHING RETURNING 1
                """).collect()
            if !inserted.isEmpty {
                c.note(.user(u.userToken))
                return .inserted
            }
        }
        throw StoreError.failed(store: "?", reason: "user \(Shorten.middle(incoming.userToken, keep: 4)) changed during its upsert")
    }

    static func update(_ c: PostgresTransaction, _ u: KnownUser, now: Date) async throws {
        try await c.query("""
            UPDATE known_user SET name = \(u.name), account = \(u.account), token_issued = \(u.tokenIssued?.timeIntervalSince1970),
                token_expiration = \(u.tokenExpiration?.timeIntervalSince1970), last_signed = \(u.lastSigned?.timeIntervalSince1970),
                source = \(u.source.rawValue), verified_active = \(u.verifiedActive), verified_at = \(u.verifiedAt?.timeIntervalSince1970),
                push_count = \(u.pushCount), updated_at = \(now.timeIntervalSince1970)
            WHERE user_token = \(u.userToken)
            """)
    }
}
