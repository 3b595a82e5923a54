import Domain
import Foundation
import GRDB

extension SQLiteStore {
    static let userColumns = """
        user_token, name, account, token_issued, token_expiration, last_signed, source, verified_active, verified_at, push_count
        """

    /// A large table is read in rowid ranges on parallel read connections (WAL lets readers run side
    /// by side): decoding rows into `KnownUser`s is most of the cost, and it splits cleanly. Each
    /// range is one consistent snapshot; an upsert keeps its rowid, so no user is read twice.
    public func allUsers() async throws -> [KnownUser] {
        // max(rowid) is an index lookup (count(*) would scan the table).
        let maxRowid = try await db.read { db in try Int.fetchOne(db.cachedStatement(sql: "SELECT max(rowid) FROM user")) ?? 0 }
        let parts = maxRowid < Self.parallelReadThreshold ? 1 : min(4, max(1, ProcessInfo.processInfo.activeProcessorCount))
        guard parts > 1 else { return try await usersInRowidRange(0...Int.max, capacity: maxRowid) }
        let step = maxRowid / parts + 1
        let ranges = (0..<parts).map { i in (i * step)...(i == parts - 1 ? Int.max : (i + 1) * step - 1) }
        var chunks = [[KnownUser]](repeating: [], count: parts)
        try await withThrowingTaskGroup(of: (Int, [KnownUser]).self) { group in
            for (i, range) in ranges.enumerated() {
                group.addTask { (i, try await self.usersInRowidRange(range, capacity: step)) }
            }
            for try await (i, chunk) in group { chunks[i] = chunk }
        }
        var all: [KnownUser] = []
        all.reserveCapacity(maxRowid)
        for chunk in chunks { all += chunk }
        return all
    }

    /// Tables smaller than this are read on one connection.
    static let parallelReadThreshold = 20_000

    private func usersInRowidRange(_ rowids: ClosedRange<Int>, capacity: Int) async throws -> [KnownUser] {
        try await db.read { db in
            let statement = try db.cachedStatement(sql: "SELECT \(Self.userColumns) FROM user WHERE rowid BETWEEN ? AND ?")
            statement.arguments = [rowids.lowerBound, rowids.upperBound]
            return try UserRowReader.all(statement, capacity: capacity)
        }
    }

    public func user(token: String) async throws -> KnownUser? {
        try await db.read { db in try Self.user(db, token: token) }
    }

    public func findUser(nameOrAccountOrToken query: String) async throws -> KnownUser? {
        let q = query.trimmingCharacters(in: .whitespaces)
        guard !q.isEmpty else { return nil }
        return try await db.read { db in
            if let u = try Self.user(db, token: q) { return u }
            if let row = try Row.fetchOne(db, sql: "SELECT \(Self.userColumns) FROM user WHERE account = ? ORDER BY last_signed DESC LIMIT 1", arguments: [q]) {
                return Self.user(row)
            }
            let byName = try Row.fetchAll(db, sql: "SELECT \(Self.userColumns) FROM user WHERE name = ? COLLATE NOCASE LIMIT 2", arguments: [q])
            if byName.count > 1 { throw StoreError.ambiguous(query: q, matches: byName.count) }
            if let row = byName.first { return Self.user(row) }
            guard q.count >= 4 else { return nil }
            let pattern = q.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
            let byPrefix = try Row.fetchAll(db, sql: "SELECT \(Self.userColumns) FROM user WHERE user_token LIKE ? ESCAPE '\\' LIMIT 2", arguments: [pattern])
            if byPrefix.count > 1 { throw StoreError.ambiguous(query: q, matches: byPrefix.count) }
            return byPrefix.first.map { Self.user($0) }
        }
    }

    @discardableResult
    public func upsertUsers(_ users: [KnownUser], at now: Date) async throws -> [UpsertOutcome] {
        try await db.write { db in try users.map { try Self.upsert(db, $0, now: now) } }
    }

    @discardableResult
    public func forgetUser(token: String) async throws -> Bool {
        try await db.write { db in
            try db.execute(sql: "DELETE FROM user WHERE user_token = ?", arguments: [token])
            let removed = db.changesCount > 0
            if removed { try Self.note(db, .user(token)) }
            try db.execute(sql: "UPDATE payload SET user_token = NULL WHERE user_token = ?", arguments: [token])
            try db.execute(sql: "UPDATE payload SET issued_user_token = NULL WHERE issued_user_token = ?", arguments: [token])
            try db.execute(sql: "UPDATE webhook_delivery SET user_token = NULL WHERE user_token = ?", arguments: [token])
            return removed
        }
    }

    public func userCount() async throws -> Int {
        try await db.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM user") ?? 0 }
    }

    // MARK: Verification

    @discardableResult
    public func applyVerification(_ checks: [TokenCheck], at now: Date) async throws -> Int {
        try await db.write { db in
            var n = 0
            for c in checks {
                try db.cachedStatement(sql: """
                    UPDATE user SET verified_active = ?, verified_at = ?,
                        token_issued = coalesce(?, token_issued), token_expiration = coalesce(?, token_expiration),
                        updated_at = ?
                    WHERE user_token = ?
                    """).execute(arguments: [c.active, now.timeIntervalSince1970, c.issued?.timeIntervalSince1970,
                                            c.expires?.timeIntervalSince1970, now.timeIntervalSince1970, c.userToken])
                n += db.changesCount
                if db.changesCount > 0 { try Self.note(db, .user(c.userToken)) }
            }
            return n
        }
    }

    // MARK: Row mapping (index-based; statements cached: these run once per user or delivery)

    static func user(_ db: Database, token: String) throws -> KnownUser? {
        // Read through UserRowReader: every webhook and status event looks a user up, and a `Row` per lookup showed in profiles.
        let statement = try db.cachedStatement(sql: "SELECT \(userColumns) FROM user WHERE user_token = ?")
        statement.arguments = [token]
        return try UserRowReader.first(statement)
    }

    static func user(_ row: Row) -> KnownUser {
        KnownUser(
            userToken: row[0], name: row[1], account: row[2],
            tokenIssued: date(row[3]), tokenExpiration: date(row[4]), lastSigned: date(row[5]),
            source: UserSource(rawValue: row[6]) ?? .manual,
            verifiedActive: row[7], verifiedAt: date(row[8]), pushCount: row[9])
    }

    static func date(_ seconds: Double?) -> Date? { seconds.map(Date.init(timeIntervalSince1970:)) }

    @discardableResult
    static func upsert(_ db: Database, _ incoming: KnownUser, now: Date) throws -> UpsertOutcome {
        let existing = try user(db, token: incoming.userToken)
        let merged = existing.map { UserMerge.merge(existing: $0, incoming: incoming) } ?? incoming
        if let existing, existing == merged { return .unchanged }
        if let existing, existing.name == merged.name, existing.account == merged.account {
            try updateTokenFields(db, merged, now: now)
            try note(db, .user(merged.userToken))
            return .updated
        }
        try write(db, merged, now: now)
        try note(db, .user(merged.userToken))
        return existing == nil ? .inserted : .updated
    }

    /// Rewrites everything but `name` and `account`. The common update (a token renewed by a webhook
    /// or a signed payload) then leaves the `user_account` and `user_name` indexes alone: SQLite
    /// rewrites an index entry whenever its column is assigned, even to the same value.
    static func updateTokenFields(_ db: Database, _ u: KnownUser, now: Date) throws {
        try db.cachedStatement(sql: """
            UPDATE user SET token_issued = ?, token_expiration = ?, last_signed = ?, source = ?, verified_active = ?,
                verified_at = ?, push_count = ?, updated_at = ?
            WHERE user_token = ?
            """).execute(arguments: [
                u.tokenIssued?.timeIntervalSince1970, u.tokenExpiration?.timeIntervalSince1970, u.lastSigned?.timeIntervalSince1970,
                u.source.rawValue, u.verifiedActive, u.verifiedAt?.timeIntervalSince1970, u.pushCount, now.timeIntervalSince1970,
                u.userToken,
            ])
    }

    static func write(_ db: Database, _ u: KnownUser, now: Date) throws {
        try db.cachedStatement(sql: """
            INSERT INTO user (\(userColumns), created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(user_token) DO UPDATE SET
                name = excluded.name, account = excluded.account, token_issued = excluded.token_issued,
                token_expiration = excluded.token_expiration, last_signed = excluded.last_signed,
                source = excluded.source, verified_active = excluded.verified_active, verified_at = excluded.verified_at,
                push_count = excluded.push_count, updated_at = excluded.updated_at
            """).execute(arguments: [
                u.userToken, u.name, u.account, u.tokenIssued?.timeIntervalSince1970, u.tokenExpiration?.timeIntervalSince1970,
                u.lastSigned?.timeIntervalSince1970, u.source.rawValue, u.verifiedActive, u.verifiedAt?.timeIntervalSince1970,
                u.pushCount, now.timeIntervalSince1970, now.timeIntervalSince1970,
            ])
    }
}
