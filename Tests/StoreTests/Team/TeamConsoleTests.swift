import ConsoleCore
import Domain
import Foundation
import Runtime
import SimulatorTestSupport
import Store
import Synchronization
import Testing
import XummPlatform

/// Two consoles' Runtimes on one store (two handles, as two processes have) and the simulator over
/// loopback: what one pushes reaches the other through the change feed, live; a payload's lease
/// gives it one follower; a payload whose holder died is taken over once its lease runs out.
@Suite("Team: two consoles on one store", .serialized)
struct TeamConsoleTests {
    static let signIn = #"{"TransactionType":"SignIn"}"#

    final class Log: Sendable {
        let messages = Mutex<[Msg]>([])
        var sink: MessageSink { MessageSink { [self] msg, _ in messages.withLock { $0.append(msg) } } }
        var all: [Msg] { messages.withLock { $0 } }
        /// Polls until `done` holds (a hang guard, not a timing assertion).
        @discardableResult
        func wait(seconds: Double = 30, until done: ([Msg]) -> Bool) async -> [Msg] {
            let deadline = ContinuousClock.now + .seconds(seconds)
            while ContinuousClock.now < deadline, !done(all) { try? await Task.sleep(for: .milliseconds(10)) }
            return all
        }
    }

    static func fromFeed(_ msgs: [Msg]) -> [PayloadRecord] {
        msgs.flatMap { msg -> [PayloadRecord] in
            if case .storeChanged(let u) = msg { return u.payloads }
            return []
        }
    }

    static func console(_ h: SimHarness, _ store: any PushDeskStore, operatorName: String) -> (CommandInterpreter, Log) {
        let services = Services(platform: h.client, store: store, operatorName: operatorName, pacer: CreatePacer(perMinute: nil), templates: { [] })
        let log = Log()
        let interpreter = CommandInterpreter(services: services, mailbox: nil)
        interpreter.connect(log.sink)
        return (interpreter, log)
    }

    /// Console A pushes and follows; console B sees the payload appear, its progress and its final
    /// state through the feed, and is refused the follow while A holds the lease.
    @Test(arguments: StoreEngine.allCases)
    func aPushFromOneConsoleAppearsLiveInTheOther(_ engine: StoreEngine) async throws {
        // alice signs after about 6 s: B's refused follow happens while A still follows.
        let h = try await SimHarness.start(timeScale: 2)
        defer { Task { await h.stop() } }
        let alice = await h.token(of: "alice")
        try await engine.withReopenableStore { storeA, reopen in
            try await Self.pushAppearsInTheOther(h, alice: alice, storeA, try await reopen())
        }
    }

    static func pushAppearsInTheOther(_ h: SimHarness, alice: String, _ storeA: any PushDeskStore, _ storeB: any PushDeskStore) async throws {
        do {
            _ = try await storeA.upsertUsers([KnownUser(userToken: alice, name: "alice", lastSigned: Date(), source: .import)])
            let (a, logA) = Self.console(h, storeA, operatorName: "ann@desk1")
            let (b, logB) = Self.console(h, storeB, operatorName: "bob@desk2")
            b.perform(.followStore)
            try await Task.sleep(for: .milliseconds(300)) // B's feed is following by now
            a.perform(.push(PushRequest(userTokens: [alice], txjsonText: Self.signIn, expireMinutes: 5, instruction: nil, userNames: [alice: "alice"])))
            let createdMsgs = await logA.wait { $0.contains { $0.pushCreated != nil } }
            let created = try #require(createdMsgs.compactMap(\.pushCreated).first)
            a.perform(.follow(created))
            // B learns of the payload, with who pushed it.
            let seen = Self.fromFeed(await logB.wait { Self.fromFeed($0).contains { $0.uuid == created.uuid } })
            #expect(seen.first { $0.uuid == created.uuid }?.operatorName == "ann@desk1")
            // A holds the lease: B's follow is refused, naming A.
            try await Task.sleep(for: .milliseconds(200))
            b.perform(.follow(created))
            let refusal = await logB.wait { $0.contains { if case .notFollowing(created.uuid, _) = $0 { true } else { false } } }
            #expect(refusal.contains { if case .notFollowing(created.uuid, .heldElsewhere(let holder, _)) = $0 { holder.hasPrefix("ann@desk1 pid ") } else { false } })
            // B sees the final state A's follower stored, without following itself.
            let finals = Self.fromFeed(await logB.wait(seconds: 60) { Self.fromFeed($0).contains { $0.uuid == created.uuid && $0.isFinal } })
            let final = try #require(finals.last { $0.uuid == created.uuid })
            #expect(final.isFinal)
            #expect(try await storeA.payload(uuid: created.uuid)?.result == final.result)
            // The feed never echoes a console's own writes back to it.
            a.perform(.followStore)
            try await Task.sleep(for: .milliseconds(600))
            #expect(Self.fromFeed(logA.all).isEmpty)
            // A's user got a push counted and, once signed, a renewal: B's Users pane hears of it.
            #expect(logB.all.contains { if case .storeChanged(let u) = $0 { u.users.contains { $0.userToken == alice } } else { false } })
            await a.stopAll()
            await b.stopAll()
        }
    }

    /// A process died holding a payload's lease: another console is refused until the lease runs
    /// out, then takes it over and follows it to its final state in the store.
    @Test(arguments: StoreEngine.allCases)
    func aPayloadWhoseHolderDiedIsTakenOverAfterItsLease(_ engine: StoreEngine) async throws {
        let h = try await SimHarness.start()
        defer { Task { await h.stop() } }
        let alice = await h.token(of: "alice")
        try await engine.withReopenableStore { storeA, reopen in
            try await Self.holderDiedTakeover(h, alice: alice, storeA, try await reopen())
        }
    }

    static func holderDiedTakeover(_ h: SimHarness, alice: String, _ storeA: any PushDeskStore, _ storeB: any PushDeskStore) async throws {
        do {
            let ops = PushService(client: h.client, store: storeA, operatorName: "ann@desk1")
            let record = try await ops.create(PushRequestSpec(txjsonText: Self.signIn, userToken: alice, userName: "alice", expireMinutes: 5))
            // The pusher claimed the lease and died: nobody renews it.
            let now = Date()
            let dead = try await storeA.claimLease(uuid: record.uuid, holder: "ann@desk1 pid 1", until: now.addingTimeInterval(2), now: now)
            #expect(dead.isHeld(by: "ann@desk1 pid 1"))
            #expect(try await storeB.unfollowedPayloads(now: now, limit: 10).isEmpty)
            let (b, logB) = Self.console(h, storeB, operatorName: "bob@desk2")
            b.perform(.follow(record))
            let refused = await logB.wait { $0.contains { if case .notFollowing = $0 { true } else { false } } }
            #expect(refused.contains { if case .notFollowing(record.uuid, .heldElsewhere("ann@desk1 pid 1", _)) = $0 { true } else { false } })
            #expect(try await storeB.unfollowedPayloads(now: now.addingTimeInterval(3), limit: 10).map(\.uuid) == [record.uuid])
            try await Task.sleep(for: .milliseconds(2_200))
            b.perform(.follow(record))
            await logB.wait(seconds: 60) { $0.contains { $0.upserted?.uuid == record.uuid && $0.upserted?.isFinal == true } }
            // Shown first, stored second: the final write follows the message.
            var stored = try await storeB.payload(uuid: record.uuid)
            for _ in 0..<500 where stored?.isFinal != true {
                try await Task.sleep(for: .milliseconds(10))
                stored = try await storeB.payload(uuid: record.uuid)
            }
            #expect(stored?.isFinal == true)
            // The follow ended and gave the lease back.
            try await Task.sleep(for: .milliseconds(200))
            let after = Date()
            let free = try await storeB.claimLease(uuid: record.uuid, holder: "probe", until: after.addingTimeInterval(1), now: after)
            #expect(free.isHeld(by: "probe"))
            await b.stopAll()
        }
    }
}

extension Msg {
    var pushCreated: PayloadRecord? { if case .pushCreated(let r, _) = self { r } else { nil } }
    var upserted: PayloadRecord? { if case .payloadUpserted(let r) = self { r } else { nil } }
}
