import Domain
import Foundation
import Store
import Testing

@Suite("Store contract: audit log and push intents")
struct AuditAndIntentContractTests {
    @Test(arguments: StoreEngine.allCases)
    func theAuditLogRecordsWhoDidWhatWhenNewestFirst(_ engine: StoreEngine) async throws {
        try await engine.withStore { store in
            #expect(try await store.auditLog().isEmpty)
            try await store.audit(action: "users.add", actor: "op", detail: "tok-1 inserted", at: t0)
            try await store.audit(action: "users.forget", actor: "op", detail: "tok-1", at: t0.addingTimeInterval(1))
            try await store.audit(AuditEntry(at: t0.addingTimeInterval(2), actor: "dana", action: "push", detail: "p1 SignIn"))
            let log = try await store.auditLog()
            #expect(log.map(\.action) == ["push", "users.forget", "users.add"])
            #expect(log.last == AuditEntry(at: t0, actor: "op", action: "users.add", detail: "tok-1 inserted"))
            #expect(try await store.auditLog(limit: 1).map(\.actor) == ["dana"])
        }
    }

    static func intent(_ identifier: String, created: Date) -> PushIntent {
        PushIntent(identifier: identifier, userToken: "tok", userName: "Alice", transactionType: "SignIn", txjson: #"{"TransactionType":"SignIn"}"#,
                   expireMinutes: 5, instruction: "please", created: created, operatorName: "op")
    }

    @Test(arguments: StoreEngine.allCases)
    func intentsArePendingOldestFirstUntilDropped(_ engine: StoreEngine) async throws {
        try await engine.withStore { store in
            let later = Self.intent("pd-b", created: t0.addingTimeInterval(5))
            var earlier = Self.intent("pd-a", created: t0)
            try await store.recordIntent(later)
            try await store.recordIntent(earlier)
            #expect(try await store.pendingIntents() == [earlier, later])
            earlier.instruction = nil
            earlier.userToken = nil
            try await store.recordIntent(earlier) // the same identifier replaces
            #expect(try await store.pendingIntents() == [earlier, later])
            try await store.dropIntent(identifier: "pd-a", audit: nil)
            #expect(try await store.auditLog().isEmpty)
            let why = AuditEntry(at: t0, actor: "op", action: "push.abandoned", detail: "pd-b never created")
            try await store.dropIntent(identifier: "pd-b", audit: why)
            #expect(try await store.pendingIntents().isEmpty)
            #expect(try await store.auditLog() == [why])
        }
    }

    /// A bulk push's chunk of intents goes in together and the unused rest comes out together.
    @Test(arguments: StoreEngine.allCases)
    func intentsAreRecordedAndDroppedInChunks(_ engine: StoreEngine) async throws {
        try await engine.withStore { store in
            let chunk = (0..<5).map { Self.intent("pd-\($0)", created: t0.addingTimeInterval(Double($0))) }
            try await store.recordIntents(chunk)
            try await store.recordIntents([])
            #expect(try await store.pendingIntents() == chunk)
            try await store.dropIntents(identifiers: ["pd-3", "pd-1", "pd-unknown"])
            #expect(try await store.pendingIntents().map(\.identifier) == ["pd-0", "pd-2", "pd-4"])
            // Dropping unused intents is not an operator action: no audit entry.
            #expect(try await store.auditLog().isEmpty)
        }
    }

    /// The created payload, its audit entry and the end of its intent are one commit.
    @Test(arguments: StoreEngine.allCases)
    func recordingACreatedPayloadClearsItsIntentAndAudits(_ engine: StoreEngine) async throws {
        try await engine.withStore { store in
            try await store.upsertUser(.init(userToken: "tok"))
            try await store.recordIntent(Self.intent("pd-a", created: t0))
            try await store.recordIntent(Self.intent("pd-b", created: t0))
            let record = PayloadRecord(uuid: "p-a", identifier: "pd-a", userToken: "tok", transactionType: "SignIn", txjson: "{}",
                                       created: t0, pushed: true, events: [PayloadEvent(at: t0, kind: .created, detail: "pd-a")])
            let entry = AuditEntry(at: t0, actor: "op", action: "push", detail: "p-a SignIn")
            try await store.recordCreated(record, audit: entry)
            #expect(try await store.pendingIntents().map(\.identifier) == ["pd-b"])
            #expect(try await store.payload(uuid: "p-a") == record)
            #expect(try await store.auditLog() == [entry])
            #expect(try await store.user(token: "tok")?.pushCount == 1)
        }
    }
}

/// Exactly-once create across operators: an identifier names one payload in the whole store.
@Suite("Store contract: exactly-once identifiers")
struct IdentifierContractTests {
    @Test(arguments: StoreEngine.allCases)
    func aSecondPayloadWithTheSameIdentifierIsRefused(_ engine: StoreEngine) async throws {
        try await engine.withReopenableStore { store, reopen in
            let first = PayloadRecord(uuid: "p-1", identifier: "pd-same", transactionType: "SignIn", txjson: "{}", created: t0, operatorName: "dana")
            try await store.savePayload(first)
            try await store.savePayload(first) // the same payload again is an update
            let other = try await reopen() // another operator's process
            let second = PayloadRecord(uuid: "p-2", identifier: "pd-same", transactionType: "SignIn", txjson: "{}", created: t0, operatorName: "erin")
            await #expect(throws: StoreError.duplicateIdentifier("pd-same")) {
                try await other.recordCreated(second, audit: AuditEntry(at: t0, actor: "erin", action: "push", detail: "p-2"))
            }
            #expect(try await store.payload(uuid: "p-2") == nil)
            #expect(try await store.auditLog().isEmpty) // the refused create wrote nothing
            #expect(try await other.payloads().map(\.uuid) == ["p-1"])
        }
    }
}

/// Operators: who pushed a payload and who did each audited thing, to which payload and user.
@Suite("Store contract: operators")
struct OperatorContractTests {
    @Test(arguments: StoreEngine.allCases)
    func payloadsAndAuditEntriesRecordTheirOperator(_ engine: StoreEngine) async throws {
        try await engine.withReopenableStore { store, reopen in
            let p = PayloadRecord(uuid: "p-1", identifier: "pd-1", userToken: "tok", transactionType: "TrustSet", txjson: "{}", created: t0,
                                  pushed: true, operatorName: "dana@desk2")
            let entry = AuditEntry(at: t0, actor: "dana@desk2", action: "push", detail: "p-1 TrustSet", payloadUUID: "p-1", userToken: "tok")
            try await store.recordCreated(p, audit: entry)
            try await store.audit(AuditEntry(at: t0.addingTimeInterval(3600), actor: "erin@desk1", action: "cancel", detail: "p-1 OK", payloadUUID: "p-1"))
            let other = try await reopen() // another operator's console
            #expect(try await other.payload(uuid: "p-1")?.operatorName == "dana@desk2")
            let log = try await other.auditLog()
            #expect(log.map(\.operatorName) == ["erin@desk1", "dana@desk2"])
            #expect(log.last == entry)
            #expect(log.first?.userToken == nil && log.first?.payloadUUID == "p-1")
            // Since: entries at or after the instant only.
            #expect(try await other.auditLog(limit: 10, since: t0.addingTimeInterval(60)).map(\.action) == ["cancel"])
            #expect(try await other.auditLog(limit: 10, since: t0).count == 2)
        }
    }
}
