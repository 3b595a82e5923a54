import Domain
import Foundation
import Store
import Testing

@Suite("Store contract: payload leases")
struct LeaseContractTests {
    static func live(_ uuid: String, at offset: TimeInterval) -> PayloadRecord {
        PayloadRecord(uuid: uuid, userToken: "tok", transactionType: "SignIn", txjson: "{}", created: t0.addingTimeInterval(offset), pushed: true)
    }

    /// One holder at a time: a second claim is refused while the lease runs, wins once it ran out,
    /// and the holder itself may claim again to extend.
    @Test(arguments: StoreEngine.allCases)
    func oneHolderAtATimeUntilTheLeaseRunsOut(_ engine: StoreEngine) async throws {
        try await engine.withStore { store in
            try await store.savePayload(Self.live("p1", at: 0))
            let a = try await store.claimLease(uuid: "p1", holder: "dana@desk1 pid 1", until: t0.addingTimeInterval(15), now: t0)
            #expect(a == PayloadLease(uuid: "p1", holder: "dana@desk1 pid 1", expires: t0.addingTimeInterval(15)))
            let refused = try await store.claimLease(uuid: "p1", holder: "eve@desk2 pid 2", until: t0.addingTimeInterval(20), now: t0.addingTimeInterval(5))
            #expect(!refused.isHeld(by: "eve@desk2 pid 2"))
            #expect(refused == a)
            let extended = try await store.claimLease(uuid: "p1", holder: "dana@desk1 pid 1", until: t0.addingTimeInterval(25), now: t0.addingTimeInterval(10))
            #expect(extended.expires == t0.addingTimeInterval(25))
            let takenOver = try await store.claimLease(uuid: "p1", holder: "eve@desk2 pid 2", until: t0.addingTimeInterval(40), now: t0.addingTimeInterval(26))
            #expect(takenOver.isHeld(by: "eve@desk2 pid 2"))
            // The old holder's renewal now finds nothing of its own.
            #expect(try await store.renewLeases(uuids: ["p1"], holder: "dana@desk1 pid 1", until: t0.addingTimeInterval(50)).isEmpty)
            #expect(try await store.renewLeases(uuids: ["p1", "p-none"], holder: "eve@desk2 pid 2", until: t0.addingTimeInterval(50)) == ["p1"])
        }
    }

    /// Claims raced from two handles (two processes): exactly one wins each payload.
    @Test(arguments: StoreEngine.allCases)
    func racingClaimsHaveOneWinnerEach(_ engine: StoreEngine) async throws {
        try await engine.withReopenableStore { first, reopen in
            let second = try await reopen()
            let uuids = (0..<20).map { "race-\($0)" }
            for (i, u) in uuids.enumerated() { try await first.savePayload(Self.live(u, at: Double(i))) }
            let winners = try await withThrowingTaskGroup(of: (String, String).self) { group in
                for u in uuids {
                    for (store, holder) in [(first, "a"), (second, "b")] {
                        group.addTask { (u, try await store.claimLease(uuid: u, holder: holder, until: t0.addingTimeInterval(15), now: t0).holder) }
                    }
                }
                var seen: [String: Set<String>] = [:]
                for try await (u, holder) in group { seen[u, default: []].insert(holder) }
                return seen
            }
            // Both claimants of a payload read back the same single holder.
            #expect(winners.count == 20)
            #expect(winners.values.allSatisfy { $0.count == 1 })
        }
    }

    /// What a process taking over follows: live payloads with no lease or one that ran out, oldest
    /// first; a released lease frees its payload at once; final payloads never.
    @Test(arguments: StoreEngine.allCases)
    func unfollowedPayloadsAreTheLiveOnesNobodyHolds(_ engine: StoreEngine) async throws {
        try await engine.withStore { store in
            for (i, u) in ["held", "lapsed", "free", "released"].enumerated() { try await store.savePayload(Self.live(u, at: Double(i))) }
            var done = Self.live("done", at: 9)
            done.result = PayloadResult(outcome: .signed)
            try await store.savePayload(done)
            _ = try await store.claimLease(uuid: "held", holder: "a", until: t0.addingTimeInterval(100), now: t0)
            _ = try await store.claimLease(uuid: "lapsed", holder: "a", until: t0.addingTimeInterval(10), now: t0)
            _ = try await store.claimLease(uuid: "released", holder: "a", until: t0.addingTimeInterval(100), now: t0)
            try await store.releaseLeases(uuids: ["released", "held"], holder: "someone else")
            #expect(try await store.unfollowedPayloads(now: t0.addingTimeInterval(50), limit: 10).map(\.uuid) == ["lapsed", "free"])
            try await store.releaseLeases(uuids: ["released"], holder: "a")
            #expect(try await store.unfollowedPayloads(now: t0.addingTimeInterval(50), limit: 10).map(\.uuid) == ["lapsed", "free", "released"])
            #expect(try await store.unfollowedPayloads(now: t0.addingTimeInterval(50), limit: 1).map(\.uuid) == ["lapsed"])
            #expect(try await store.unfollowedPayloads(now: t0.addingTimeInterval(200), limit: 10).map(\.uuid) == ["held", "lapsed", "free", "released"])
        }
    }
}
