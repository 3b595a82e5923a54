import ConsoleCore
import Domain
import Foundation
import Runtime
import Store
import Terminal
import XRPLTx
import XummPlatform
import XummSimulator

/// `pushdesk-bench loop [N]`: the operator's loop at scale. An in-process simulator with N users who
/// sign after 1 s (rate limit off), a store with 100,000 known users, and the real `ConsoleDriver`
/// (frames go to a mailbox instead of a terminal). Pushes one payload per simulated user, follows
/// every status stream to its final GET, and reports wall time, websocket-event-to-frame latency and
/// peak RSS.
enum LoopBench {
    static func run(count: Int = 1_000) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pd-loop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }

        // N simulated users with valid classic accounts.
        var entries: [[String: Any]] = []
        for i in 0..<count {
            var id = [UInt8](repeating: 0, count: 20)
            for j in 0..<20 { id[j] = UInt8.random(in: 0...255) }
            entries.append(["name": "user\(i)", "account": XRPLAddress.encodeClassic(accountID: id), "user_token": UUID().uuidString.lowercased(),
                            "token_issued_days_ago": 10, "last_signed_days_ago": 1, "behaviour": "sign", "after_seconds": 1])
        }
        let usersFile = dir.appendingPathComponent("users.json")
        try JSONSerialization.data(withJSONObject: ["application": "loop bench", "users": entries]).write(to: usersFile)

        let key = UUID().uuidString.lowercased(), secret = UUID().uuidString.lowercased()
        let sim = try XummSimulator(config: SimulatorConfig(apiKey: key, apiSecret: secret, usersFile: usersFile, timeScale: 1))
        try await sim.start()
        let store = try PushDeskStore(path: dir.appendingPathComponent("loop.sqlite").path)
        let now = Date()
        var known = (0..<100_000).map { i in
            KnownUser(userToken: UUID().uuidString.lowercased(), name: "known \(i)", lastSigned: now.addingTimeInterval(-Double(i % 29) * 86_400), source: .import)
        }
        let cast = await sim.users().compactMap { u in u.userToken.map { KnownUser(userToken: $0, name: u.name, account: u.account, lastSigned: now, source: .import) } }
        known.append(contentsOf: cast)
        for chunk in stride(from: 0, to: known.count, by: 20_000) { _ = try store.upsertUsers(Array(known[chunk..<min(chunk + 20_000, known.count)])) }

        let client = XummClient(baseURL: sim.apiBaseURL, credentials: XummCredentials(apiKey: key, apiSecret: secret))
        let push = PushService(client: client, store: store, operatorName: "bench")
        let mailbox = FrameMailbox()
        let pending = Locked<[ContinuousClock.Instant]>([])
        let latencies = Locked<[Duration]>([])
        let frames = Locked(0)
        var state = ConsoleState(backend: "SIMULATOR", readOnly: false, noColor: true, now: now)
        _ = ConsoleCore.update(&state, .resize(width: 120, height: 35))
        let services = ConsoleServices(push: push, pacer: CreatePacer(perMinute: nil), inboxAddress: nil, relay: MessageRelay())
        let driver = ConsoleDriver(state: state, services: services, mailbox: mailbox) { frameAt in
            let waiting = pending.withLock { p -> [ContinuousClock.Instant] in let w = p.filter { $0 <= frameAt }; p.removeAll { $0 <= frameAt }; return w }
            latencies.withLock { l in for t in waiting { l.append(frameAt - t) } }
            frames.withLock { $0 += 1 }
        }
        let driverTask = Task { await driver.run() }
        driver.send(.usersLoaded(try store.allUsers()))

        let clock = ContinuousClock()
        let started = clock.now
        let tx = #"{"TransactionType":"SignIn"}"#
        let finals = Locked(0)
        await withTaskGroup(of: Void.self) { group in
            for u in cast {
                let record: PayloadRecord
                do { record = try await push.create(PushRequestSpec(txjsonText: tx, userToken: u.userToken, userName: u.name)) }
                catch { print("loop: create failed: \(error)"); continue }
                pending.withLock { $0.append(clock.now) }
                driver.send(.payloadUpserted(record))
                group.addTask {
                    let end = await push.follow(record) { updated, _ in
                        pending.withLock { $0.append(clock.now) }
                        driver.send(.payloadUpserted(updated))
                    }
                    if end.isFinal { finals.withLock { $0 += 1 } }
                }
            }
        }
        let wall = clock.now - started
        try? await Task.sleep(for: .milliseconds(100))
        driver.send(.key(.ctrl("c")))
        _ = await driverTask.value
        await sim.stop()

        let sorted = latencies.value.sorted()
        func pct(_ p: Double) -> Double { sorted.isEmpty ? 0 : ms(sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]) }
        print("loop: \(count) payloads pushed and followed to their final state: \(finals.value) final, wall \(BenchStats.fmt(ms(wall) / 1000)) s (users sign after 1 s)")
        print("loop: websocket event → frame: \(sorted.count) events, \(frames.value) frames, p50 \(BenchStats.fmt(pct(0.5))) ms, p99 \(BenchStats.fmt(pct(0.99))) ms (target p99 <= 20 ms)")
        print("loop: peak RSS \(peakRSSMB()) MB with \(known.count) users loaded (target <= 150 MB)")
    }

    static func ms(_ d: Duration) -> Double { Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15 }

    /// VmHWM from /proc/self/status, in MB.
    static func peakRSSMB() -> Int {
        guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = s.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") else { return -1 }
        return kb / 1024
    }
}
