import Domain
import Foundation
import GRDB

extension SQLiteStore {
    static let payloadColumns = PayloadColumns.list

    public func savePayload(_ p: PayloadRecord) async throws {
        try await db.write { db in try Self.savePayload(db, p) }
    }

    public func recordCreated(_ p: PayloadRecord, audit entry: AuditEntry) async throws {
        try await db.write { db in
            try Self.savePayload(db, p)
            try Self.audit(db, entry)
            if let identifier = p.identifier {
                try db.cachedStatement(sql: "DELETE FROM push_intent WHERE identifier = ?").execute(arguments: [identifier])
            }
        }
    }

    static func savePayload(_ db: Database, _ p: PayloadRecord) throws {
        let old = try Row.fetchOne(db.cachedStatement(sql: "SELECT pushed FROM payload WHERE uuid = ?"), arguments: [p.uuid])
        let wasPushed: Bool = old.flatMap { $0[0] as Bool? } ?? false
        if let identifier = p.identifier,
           try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM payload WHERE identifier = ? AND uuid <> ?"), arguments: [identifier, p.uuid]) == true {
            throw StoreError.duplicateIdentifier(identifier)
        }
        // Cached statements throughout the write paths: parsing this upsert cost more than running it.
        try db.cachedStatement(sql: """
            INSERT INTO payload (\(Self.payloadColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(uuid) DO UPDATE SET \(PayloadColumns.updateFromExcluded)
            """).execute(arguments: StatementArguments(Self.payloadArguments(p)))
        try note(db, .payload(p.uuid))
        if old == nil {
            for e in p.events { try Self.insertEvent(db, uuid: p.uuid, e) }
        }
        if !wasPushed, p.pushed == true, let token = p.userToken {
            try db.cachedStatement(sql: "UPDATE user SET push_count = push_count + 1 WHERE user_token = ?").execute(arguments: [token])
            if db.changesCount > 0 { try note(db, .user(token)) }
        }
    }

    @discardableResult
    public func recordProgress(uuid: String, events: [PayloadEvent], result: PayloadResult?, resolution: PayloadResolution?,
                               userToken: String?, at now: Date) async throws -> KnownUser? {
        let write = ProgressWrite(uuid: uuid, events: events, result: result, resolution: resolution, userToken: userToken, at: now)
        return try await db.write { db in try Self.record(db, write) }
    }

    public func recordProgress(_ writes: [ProgressWrite]) async throws -> [Result<KnownUser?, any Error>] {
        try await writeEach(writes) { db, write in try Self.record(db, write) }
    }

    static func record(_ db: Database, _ w: ProgressWrite) throws -> KnownUser? {
        if try payloadExists(db, uuid: w.uuid) {
            if !w.events.isEmpty || w.result != nil { try note(db, .payload(w.uuid)) }
            for e in w.events { try insertEvent(db, uuid: w.uuid, e) }
            // A resolution of this payload writes the result itself, below; writing it here too
            // would be a second UPDATE of the same row that the first one is overwritten by.
            if let result = w.result, w.resolution?.uuid != w.uuid { _ = try writeResult(db, uuid: w.uuid, result) }
        }
        guard let resolution = w.resolution else { return nil }
        return try record(db, resolution, userToken: w.userToken, now: w.at)
    }

    public func payloads(limit: Int) async throws -> [PayloadRecord] {
        try await db.read { db in
            try Self.payloads(db, sql: "SELECT \(Self.payloadColumns) FROM payload ORDER BY created DESC, rowid DESC LIMIT ?", arguments: [limit])
        }
    }

    public func unfinishedPayloads() async throws -> [PayloadRecord] {
        try await db.read { db in
            try Self.payloads(db, sql: "SELECT \(Self.payloadColumns) FROM payload WHERE outcome IS NULL ORDER BY created, rowid", arguments: [])
        }
    }

    public func payload(uuid: String) async throws -> PayloadRecord? {
        try await db.read { db in
            try Self.payloads(db, sql: "SELECT \(Self.payloadColumns) FROM payload WHERE uuid = ?", arguments: [uuid]).first
        }
    }

    // MARK: Resolutions

    /// Writes an authoritative resolution: the result on the payload (if PushDesk has it) and, for a
    /// signed one, the user credited (see ``PayloadResolution``).
    /// - Returns: the user as stored afterwards, if one was credited.
    static func record(_ db: Database, _ r: PayloadResolution, userToken: String?, now: Date) throws -> KnownUser? {
        var result = r.result
        let resolvedAt = result.resolvedAt ?? now
        result.resolvedAt = resolvedAt
        if try payloadExists(db, uuid: r.uuid) {
            _ = try writeResult(db, uuid: r.uuid, result)
            try note(db, .payload(r.uuid))
        }
        guard r.result.outcome == .signed, let token = r.result.issuedUserToken ?? userToken, !token.isEmpty else { return nil }
        let user = KnownUser(userToken: token, account: r.result.signerAccount, lastSigned: resolvedAt, source: .payload)
        try upsert(db, user, now: now)
        return try Self.user(db, token: token)
    }

    // MARK: Helpers

    static func payloadExists(_ db: Database, uuid: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM payload WHERE uuid = ?"), arguments: [uuid]) ?? false
    }

    static func insertEvent(_ db: Database, uuid: String, _ e: PayloadEvent) throws {
        try db.cachedStatement(sql: "INSERT INTO payload_event (payload_uuid, at, kind, detail) VALUES (?, ?, ?, ?)")
            .execute(arguments: [uuid, e.at.timeIntervalSince1970, e.kind.rawValue, e.detail])
    }

    static func writeResult(_ db: Database, uuid: String, _ r: PayloadResult) throws -> Bool {
        try db.cachedStatement(sql: """
            UPDATE payload SET outcome = ?, txid = ?, dispatched_result = ?, dispatched_node_type = ?, network = ?,
                signer_account = ?, issued_user_token = ?, resolved_at = ? WHERE uuid = ?
            """).execute(arguments: [r.outcome.rawValue, r.txid, r.dispatchedResult, r.dispatchedNodeType, r.network,
                                     r.signerAccount, r.issuedUserToken, r.resolvedAt?.timeIntervalSince1970, uuid])
        return db.changesCount > 0
    }

    static func payloadArguments(_ p: PayloadRecord) -> [(any DatabaseValueConvertible)?] {
        let r = p.result
        return [p.uuid, p.identifier, p.userToken, p.userName, p.transactionType, p.txjson, p.expireMinutes, p.instruction,
                p.created.timeIntervalSince1970, p.pushed, p.deepLink, p.websocketURL, p.operatorName, r?.outcome.rawValue,
                r?.txid, r?.dispatchedResult, r?.dispatchedNodeType, r?.network, r?.signerAccount, r?.issuedUserToken,
                r?.resolvedAt?.timeIntervalSince1970]
    }

    static func payloads(_ db: Database, sql: String, arguments: StatementArguments) throws -> [PayloadRecord] {
        var records = try Row.fetchAll(db, sql: sql, arguments: arguments).map { Self.payload($0) }
        guard !records.isEmpty else { return [] }
        var index: [String: Int] = [:]
        for (i, r) in records.enumerated() { index[r.uuid] = i }
        let uuids = records.map(\.uuid)
        let placeholders = databaseQuestionMarks(count: uuids.count)
        let rows = try Row.fetchCursor(db, sql: "SELECT payload_uuid, at, kind, detail FROM payload_event WHERE payload_uuid IN (\(placeholders)) ORDER BY id",
                                       arguments: StatementArguments(uuids))
        while let row = try rows.next() {
            guard let i = index[row[0]], let kind = PayloadEventKind(rawValue: row[2]) else { continue }
            records[i].events.append(PayloadEvent(at: Date(timeIntervalSince1970: row[1]), kind: kind, detail: row[3]))
        }
        return records
    }

    static func payload(_ row: Row) -> PayloadRecord {
        var result: PayloadResult?
        if let raw: String = row[13], let outcome = PayloadOutcome(rawValue: raw) {
            result = PayloadResult(outcome: outcome, txid: row[14], dispatchedResult: row[15], dispatchedNodeType: row[16],
                                   network: row[17], signerAccount: row[18], issuedUserToken: row[19], resolvedAt: date(row[20]))
        }
        return PayloadRecord(uuid: row[0], identifier: row[1], userToken: row[2], userName: row[3], transactionType: row[4],
                             txjson: row[5], expireMinutes: row[6], instruction: row[7], created: Date(timeIntervalSince1970: row[8]),
                             pushed: row[9], deepLink: row[10], websocketURL: row[11], result: result, operatorName: row[12])
    }
}
