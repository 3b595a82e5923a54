import Domain
import Foundation
import PostgresNIO

extension PostgresStore {
    static let payloadColumns = PayloadColumns.list

    public func savePayload(_ p: PayloadRecord) async throws {
        try await transaction { c in try await Self.savePayload(c, p) }
    }

    public func recordCreated(_ p: PayloadRecord, audit entry: AuditEntry) async throws {
        try await transaction { c in
            try await Self.savePayload(c, p)
            try await Self.audit(c, entry)
            if let identifier = p.identifier {
                try await c.query("DELETE FROM push_intent WHERE identifier = \(identifier)")
            }
        }
    }

    @discardableResult
    public func recordProgress(uuid: String, events: [PayloadEvent], result: PayloadResult?, resolution: PayloadResolution?,
                               userToken: String?, at now: Date) async throws -> KnownUser? {
        let write = ProgressWrite(uuid: uuid, events: events, result: result, resolution: resolution, userToken: userToken, at: now)
        return try await transaction { c in try await Self.record(c, write) }
    }

    public func recordProgress(_ writes: [ProgressWrite]) async throws -> [Result<KnownUser?, any Error>] {
        try await writeEach(writes) { c, write in try await Self.record(c, write) }
    }

    public func payloads(limit: Int) async throws -> [PayloadRecord] {
        try await read { c in
            try await Self.payloads(c, "SELECT \(unescaped: Self.payloadColumns) FROM payload ORDER BY created DESC, seq DESC LIMIT \(limit)")
        }
    }

    public func unfinishedPayloads() async throws -> [PayloadRecord] {
        try await read { c in
            try await Self.payloads(c, "SELECT \(unescaped: Self.payloadColumns) FROM payload WHERE outcome IS NULL ORDER BY created, seq")
        }
    }

    public func payload(uuid: String) async throws -> PayloadRecord? {
        try await read { c in
            try await Self.payloads(c, "SELECT \(unescaped: Self.payloadColumns) FROM payload WHERE uuid = \(uuid)").first
        }
    }

    // MARK: Writes (inside a caller's transaction)

    static func savePayload(_ c: PostgresTransaction, _ p: PayloadRecord) async throws {
        let old = try await c.query("SELECT pushed FROM payload WHERE uuid = \(p.uuid) FOR UPDATE").collect()
        let exists = !old.isEmpty
        let wasPushed = try old.first?.decode(Bool?.self) ?? false
        if let identifier = p.identifier {
            let other = try await c.query("SELECT 1 FROM payload WHERE identifier = \(identifier) AND uuid <> \(p.uuid)").collect()
            if !other.isEmpty { throw StoreError.duplicateIdentifier(identifier) }
        }
        let r = p.result
        try await c.query("""
            INSERT INTO payload (\(unescaped: payloadColumns)) VALUES (\(p.uuid), \(p.identifier), \(p.userToken), \(p.userName),
                \(p.transactionType), \(p.txjson), \(p.expireMinutes), \(p.instruction), \(p.created.timeIntervalSince1970), \(p.pushed),
                \(p.deepLink), \(p.websocketURL), \(p.operatorName), \(r?.outcome.rawValue), \(r?.txid), \(r?.dispatchedResult),
                \(r?.dispatchedNodeType), \(r?.network), \(r?.signerAccount), \(r?.issuedUserToken), \(r?.resolvedAt?.timeIntervalSince1970))
            ON CONFLICT (uuid) DO UPDATE SET \(unescaped: PayloadColumns.updateFromExcluded)
            """)
        c.note(.payload(p.uuid))
        if !exists {
            for e in p.events { try await insertEvent(c, uuid: p.uuid, e) }
        }
        if !wasPushed, p.pushed == true, let token = p.userToken {
            let counted = try await c.query("UPDATE known_user SET push_count = push_count + 1 WHERE user_token = \(token) RETURNING 1").collect()
            if !counted.isEmpty { c.note(.user(token)) }
        }
    }

    static func record(_ c: PostgresTransaction, _ w: ProgressWrite) async throws -> KnownUser? {
        if try await payloadExists(c, uuid: w.uuid) {
            if !w.events.isEmpty || w.result != nil { c.note(.payload(w.uuid)) }
            for e in w.events { try await insertEvent(c, uuid: w.uuid, e) }
            // A resolution of this payload writes the result itself, below.
            if let result = w.result, w.resolution?.uuid != w.uuid { try await writeResult(c, uuid: w.uuid, result) }
        }
        guard let resolution = w.resolution else { return nil }
        return try await record(c, resolution, userToken: w.userToken, now: w.at)
    }

    /// Writes an authoritative resolution (see ``PayloadResolution``); returns the credited user.
    static func record(_ c: PostgresTransaction, _ r: PayloadResolution, userToken: String?, now: Date) async throws -> KnownUser? {
        var result = r.result
        let resolvedAt = result.resolvedAt ?? now
        result.resolvedAt = resolvedAt
        if try await payloadExists(c, uuid: r.uuid) {
            try await writeResult(c, uuid: r.uuid, result)
            c.note(.payload(r.uuid))
        }
        guard r.result.outcome == .signed, let token = r.result.issuedUserToken ?? userToken, !token.isEmpty else { return nil }
        let user = KnownUser(userToken: token, account: r.result.signerAccount, lastSigned: resolvedAt, source: .payload)
        try await upsert(c, user, now: now)
        return try await Self.user(c, token: token)
    }

    static func payloadExists(_ c: PostgresTransaction, uuid: String) async throws -> Bool {
        !(try await c.query("SELECT 1 FROM payload WHERE uuid = \(uuid)").collect()).isEmpty
    }

    static func insertEvent(_ c: PostgresTransaction, uuid: String, _ e: PayloadEvent) async throws {
        try await c.query("""
            INSERT INTO payload_event (payload_uuid, at, kind, detail) VALUES (\(uuid), \(e.at.timeIntervalSince1970), \(e.kind.rawValue), \(e.detail))
            """)
    }

    static func writeResult(_ c: PostgresTransaction, uuid: String, _ r: PayloadResult) async throws {
        try await c.query("""
            UPDATE payload SET outcome = \(r.outcome.rawValue), txid = \(r.txid), dispatched_result = \(r.dispatchedResult),
                dispatched_node_type = \(r.dispatchedNodeType), network = \(r.network), signer_account = \(r.signerAccount),
                issued_user_token = \(r.issuedUserToken), resolved_at = \(r.resolvedAt?.timeIntervalSince1970)
            WHERE uuid = \(uuid)
            """)
    }

    // MARK: Reads

    static func payloads(_ c: PostgresTransaction, _ query: PostgresQuery) async throws -> [PayloadRecord] {
        var records = try await c.query(query).collect().map(payload)
        guard !records.isEmpty else { return [] }
        var index: [String: Int] = [:]
        for (i, r) in records.enumerated() { index[r.uuid] = i }
        let uuids = records.map(\.uuid)
        let rows = try await c.query("""
            SELECT payload_uuid, at, kind, detail FROM payload_event WHERE payload_uuid = ANY(\(uuids)) ORDER BY id
            """)
        for try await (uuid, at, kind, detail) in rows.decode((String, Double, String, String?).self) {
            guard let i = index[uuid], let kind = PayloadEventKind(rawValue: kind) else { continue }
            records[i].events.append(PayloadEvent(at: Date(timeIntervalSince1970: at), kind: kind, detail: detail))
        }
        return records
    }

    static func payload(_ row: PostgresRow) throws -> PayloadRecord {
        let r = row.makeRandomAccess()
        func text(_ i: Int) throws -> String? { try r[i].decode(String?.self) }
        func real(_ i: Int) throws -> Double? { try r[i].decode(Double?.self) }
        var result: PayloadResult?
        if let raw = try text(13), let outcome = PayloadOutcome(rawValue: raw) {
            result = PayloadResult(outcome: outcome, txid: try text(14), dispatchedResult: try text(15), dispatchedNodeType: try text(16),
                                   network: try text(17), signerAccount: try text(18), issuedUserToken: try text(19),
                                   resolvedAt: date(try real(20)))
        }
        return PayloadRecord(uuid: try r[0].decode(String.self), identifier: try text(1), userToken: try text(2), userName: try text(3),
                             transactionType: try r[4].decode(String.self), txjson: try r[5].decode(String.self),
                             expireMinutes: try r[6].decode(Int?.self), instruction: try text(7),
                             created: Date(timeIntervalSince1970: try r[8].decode(Double.self)), pushed: try r[9].decode(Bool?.self),
                             deepLink: try text(10), websocketURL: try text(11), result: result, operatorName: try text(12))
    }
}
