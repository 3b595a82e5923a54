import Domain
import Foundation
import Runtime
import SimulatorTestSupport
import Store
import Testing
import XummPlatform
import XummSimulator

/// A push is recorded before `POST /payload` and cleared when its payload is saved, so a process
/// stopped in between loses nothing: the next start takes the payload in (or drops a push the
/// platform never received), against the real simulator.
@Suite("Push intents: a stop between create and save", .serialized)
struct PushIntentRecoveryTests {
    static let tx = #"{"TransactionType":"SignIn"}"#

    func setUp() async throws -> (SimHarness, SQLiteStore, PushService, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pd-intent-\(UUID().uuidString)")
        let store = try SQLiteStore(path: dir.appendingPathComponent("intent.sqlite").path)
        let h = try await SimHarness.start()
        return (h, store, PushService(client: h.client, store: store, operatorName: "op"), dir)
    }

    @Test func aCreatedButUnsavedPushIsTakenInAndANeverCreatedOneIsDropped() async throws {
        let (h, store, service, dir) = try await setUp()
        defer { try? FileManager.default.removeItem(at: dir) }
        let alice = await h.token(of: "alice")
        let t0 = Date(timeIntervalSince1970: 1_790_000_000)
        // What a process stopped right after the create leaves: the intent, and a payload on the platform.
        let made = PushIntent(identifier: "pd-made", userToken: alice, userName: "alice", transactionType: "SignIn",
                              txjson: Self.tx, expireMinutes: 5, instruction: "hi", created: t0, operatorName: "op")
        try await store.recordIntent(made)
        let created = try await h.client.createPayload(PayloadCreateRequest(
            txjson: try TxJSON(text: Self.tx), userToken: alice, options: PayloadOptions(expire: 5),
            customMeta: CustomMeta(identifier: "pd-made", instruction: "hi")))
        // And one stopped before the platform had it.
        var lost = made
        lost.identifier = "pd-lost"
        try await store.recordIntent(lost)
        #expect(try await store.pendingIntents().map(\.identifier) == ["pd-lost", "pd-made"])

        let recovered = await service.recoverIntents(at: t0.addingTimeInterval(60))
        #expect(recovered.map(\.uuid) == [created.uuid])
        let saved = try #require(try await store.payload(uuid: created.uuid))
        #expect(saved.identifier == "pd-made" && saved.userName == "alice" && saved.instruction == "hi" && saved.created == t0)
        #expect(saved.pushed == created.pushed && saved.websocketURL != nil)
        #expect(saved.events.first?.kind == .created)
        #expect(try await store.pendingIntents().isEmpty)
        let actions = try await store.auditLog().map(\.action)
        #expect(actions.contains("push.recovered") && actions.contains("push.abandoned"))
        // Recovered payloads follow to their end like any other.
        let final = await service.follow(saved) { _ in }
        #expect(final.isFinal)
        await h.stop()
    }

    @Test func anOrdinaryPushLeavesNoIntentAndARefusedOneIsForgotten() async throws {
        let (h, store, service, dir) = try await setUp()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bob = await h.token(of: "bob")
        let record = try await service.create(PushRequestSpec(txjsonText: Self.tx, userToken: bob, userName: "bob"))
        #expect(record.identifier != nil)
        #expect(try await store.pendingIntents().isEmpty)
        // A definite refusal (4xx): no payload exists, so nothing is left to recover.
        h.sim.injectFault(FaultSpec(route: "create", kind: .status, status: 403, times: 1))
        await #expect(throws: XummError.self) {
            _ = try await service.create(PushRequestSpec(txjsonText: Self.tx, userToken: bob, userName: "bob"))
        }
        #expect(try await store.pendingIntents().isEmpty)
        await h.stop()
    }
}
