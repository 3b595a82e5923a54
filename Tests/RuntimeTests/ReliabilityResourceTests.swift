import ConsoleCore
import Domain
import Foundation
import Runtime
import SimulatorTestSupport
import Store
import Testing
import XummPlatform

/// Issue 8, resource bounds (shortened run): the Runtime without a terminal — store with 100,000
/// users, the console state and its rendering, 1,000 live payloads followed over websockets at
/// simulator speed. RSS and open file descriptors are printed at start and end; no fd is leaked once
/// the payloads are over. A longer soak: `scripts/soak-resources.sh`.
@Suite("Reliability: resource bounds", .serialized)
struct ReliabilityResourceTests {
    static let users = 100_000
    static let live = 1_000

    static func openFDs() -> Int { (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? -1 }
    static func rssKB() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
    }

    @Test func hundredThousandUsersAndAThousandLivePayloads() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pd-res-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SQLiteStore(path: dir.appendingPathComponent("res.sqlite").path, durableCommits: false)
        let now = Date()
        let many = (0..<Self.users).map { i in
            KnownUser(userToken: String(format: "00000000-0000-4000-8000-%012d", i), name: "user\(i)", account: nil,
                      tokenIssued: now - Double(i % 40) * 86_400, tokenExpiration: now + Double(30 - i % 40) * 86_400)
        }
        for chunk in stride(from: 0, to: many.count, by: 10_000) { _ = try await store.upsertUsers(Array(many[chunk..<min(chunk + 10_000, many.count)])) }
        #expect(try await store.userCount() == Self.users)

        // Payloads live for 10 simulated minutes (6 s real at this scale); dave opens and never decides, frank is offline.
        let h = try await SimHarness.start(timeScale: 0.01)
        let service = PushService(client: h.client, store: store, operatorName: "soak")
        let targets = await h.sim.users().filter { ["dave", "frank"].contains($0.name) }.compactMap(\.userToken)
        try #require(targets.count == 2)
        var state = ConsoleState(backend: "SIMULATOR", readOnly: false, noColor: true, now: now)
        _ = ConsoleCore.update(&state, .resize(width: 200, height: 50))
        _ = ConsoleCore.update(&state, .usersLoaded(try await store.allUsers()))
        let baseFD = Self.openFDs()
        let startRSS = Self.rssKB()

        var settings = PayloadStatusStream.Settings()
        settings.pingInterval = .milliseconds(500)
        settings.openedGrace = .seconds(1) // opened-then-expired payloads: do not wait for a late signature
        let updates = AsyncStream<PayloadRecord>.makeStream()
        // Why a payload did not end, if one did not (printed with the figures).
        struct Outcomes: Sendable { var createFailed = 0; var refollows = 0; var notFinal: [String] = [] }
        let outcomes = Locked(Outcomes())
        let tx = #"{"TransactionType":"SignIn"}"#
        let followers = Task { [settings] in
            await withTaskGroup(of: Void.self) { group in
                for i in 0..<Self.live {
                    group.addTask { [settings] in
                        // As an operator would on a loaded machine: retry a failed create, follow again if a stream gives up.
                        var created: PayloadRecord?
                        for _ in 0..<5 where created == nil {
                            created = try? await service.create(PushRequestSpec(txjsonText: tx, userToken: targets[i % 2], expireMinutes: 10))
                        }
                        guard var r = created else { outcomes.withLock { $0.createFailed += 1 }; return }
                        updates.continuation.yield(r)
                        for _ in 0..<3 where !r.isFinal {
                            r = await service.follow(r, settings: settings) { if let record = $0.record { updates.continuation.yield(record) } }
                            if !r.isFinal { outcomes.withLock { $0.refollows += 1 } }
                        }
                        if !r.isFinal { outcomes.withLock { $0.notFinal.append("\(r.uuid) \(r.events.map(\.kind.rawValue))") } }
                    }
                }
            }
            updates.continuation.finish()
        }
        // The console side: apply every update, render a frame per 200 updates; sample resources.
        var peakFD = baseFD, peakRSS = startRSS, midRSS = 0, applied = 0, frames = 0
        for await r in updates.stream {
            _ = ConsoleCore.update(&state, .payloadUpserted(r))
            applied += 1
            if applied % 200 == 0 {
                _ = ConsoleCore.view(state, width: 200, height: 50)
                frames += 1
                peakFD = max(peakFD, Self.openFDs()); peakRSS = max(peakRSS, Self.rssKB())
                if applied == 2_000 { midRSS = Self.rssKB() }
            }
        }
        await followers.value
        await h.stop()
        try await Task.sleep(for: .milliseconds(500))  // let closed sockets be reaped
        let endFD = Self.openFDs()
        let endRSS = Self.rssKB()
        let finals = try await store.payloads(limit: 5_000).filter(\.isFinal).count
        print("[reliability] resources: users=\(Self.users) livePayloads=\(Self.live) updates=\(applied) frames=\(frames) "
              + "fd start=\(baseFD) peak=\(peakFD) end=\(endFD) rssKB start=\(startRSS) mid=\(midRSS) peak=\(peakRSS) end=\(endRSS) finals=\(finals) "
              + "createFailed=\(outcomes.value.createFailed) refollows=\(outcomes.value.refollows) notFinal=\(outcomes.value.notFinal)")
        #expect(finals == Self.live)
        #expect(peakFD > baseFD + Self.live / 4, "the payloads were live together")
        #expect(endFD <= baseFD + 16, "file descriptors leaked: \(baseFD) → \(endFD)")
        #expect(endRSS < startRSS * 3, "RSS grew from \(startRSS) kB to \(endRSS) kB")
    }
}
