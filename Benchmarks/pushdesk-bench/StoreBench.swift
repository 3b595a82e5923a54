import Domain
import Foundation
import Logging
import Store
import WebhookInbox
import XummPlatform

/// `pushdesk-bench store [users N] [webhooks N]`: the two performance targets of the store.
enum StoreBench {
    static func run() async throws {
        let args = CommandLine.arguments
        let userCount = args.firstIndex(of: "users").flatMap { Int(args[safe: $0 + 1] ?? "") } ?? 100_000
        let deliveries = args.firstIndex(of: "webhooks").flatMap { Int(args[safe: $0 + 1] ?? "") } ?? 20_000
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("store-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        var ok = true
        ok = try await loadUsers(count: userCount, dir: dir) && ok
        for durable in [true, false] {
            ok = try await webhookIngest(count: deliveries, senders: 8, durable: durable, dir: dir) && ok
        }
        if !ok { print("store: a target was missed (see above)") }
    }

    /// Loads `count` users and sorts them by time left, as the console's model does. Target ≤ 100 ms.
    static func loadUsers(count: Int, dir: URL) async throws -> Bool {
        try await loadUsers(into: try SQLiteStore(path: dir.appendingPathComponent("users.sqlite").path), count: count, label: "users",
                            target: .milliseconds(100))
    }

    /// Inserts `count` users into `store` (one transaction), then loads and sorts them 7 times.
    static func loadUsers(into store: any PushDeskStore, count: Int, label: String, target: Duration) async throws -> Bool {
        let now = Date()
        var users: [KnownUser] = []
        users.reserveCapacity(count)
        for i in 0..<count {
            let signed = now.addingTimeInterval(-Double((i * 7919) % (40 * 86_400)))
            users.append(KnownUser(userToken: UUID().uuidString.lowercased(), name: i % 3 == 0 ? "User \(i)" : nil,
                                   account: i % 2 == 0 ? "rAccount\(i)" : nil, tokenIssued: signed.addingTimeInterval(-86_400),
                                   tokenExpiration: i % 5 == 0 ? signed.addingTimeInterval(30 * 86_400) : nil, lastSigned: signed,
                                   source: .webhook, verifiedActive: i % 4 == 0 ? true : nil, verifiedAt: i % 4 == 0 ? now : nil))
        }
        let insertStart = ContinuousClock.now
        try await store.upsertUsers(users, at: now)
        let insertTime = ContinuousClock.now - insertStart
        var samples: [Duration] = []
        var loaded = 0
        for _ in 0..<7 {
            let start = ContinuousClock.now
            var model = try await store.allUsers()
            model.sortByTimeLeft(now: now)
            samples.append(ContinuousClock.now - start)
            loaded = model.count
        }
        samples.sort()
        let l0 = ContinuousClock.now
        var raw = try await store.allUsers()
        let l1 = ContinuousClock.now
        raw.sortByTimeLeft(now: now)
        print("  breakdown: fetch \(ms(l1 - l0)), sort \(ms(ContinuousClock.now - l1))")
        let median = samples[samples.count / 2]
        let pass = median <= target && loaded == count
        print("\(label): inserted \(count) in \(ms(insertTime)) (one transaction); load+sort by time left: median \(ms(median)), min \(ms(samples[0])), max \(ms(samples.last!)) over \(samples.count) runs; target <= \(ms(target)): \(pass ? "PASS" : "FAIL")")
        return pass
    }

    /// Loopback HTTP ingest with `senders` concurrent senders; each 2xx comes after its own commit. Target ≥ 5,000/s.
    static func webhookIngest(count: Int, senders: Int, durable: Bool, dir: URL) async throws -> Bool {
        let store = try SQLiteStore(path: dir.appendingPathComponent("hooks-\(durable).sqlite").path, durableCommits: durable)
        return try await webhookIngest(into: [store], count: count, senders: senders, target: 5_000,
                                       label: "webhooks (\(durable ? "synchronous=FULL" : "synchronous=NORMAL"))",
                                       check: { "integrity \(store.integrityCheck() ? "ok" : "FAILED")" })
    }

    /// Ingest through one inbox per store handle (replicas on one store), the senders spread over
    /// them round robin; every inbox group-commits (`GroupCommitter`) before its 2xx.
    static func webhookIngest(into stores: [any PushDeskStore], count: Int, senders: Int, target: Double, label: String,
                              check: () -> String) async throws -> Bool {
        let secret = "bench-secret-\(UUID().uuidString)"
        var logger = Logger(label: "bench")
        logger.logLevel = .critical
        var inboxes: [WebhookInbox] = []
        for store in stores {
            let inbox = WebhookInbox(config: WebhookInboxConfig(apiSecret: secret, logger: logger), store: store)
            try await inbox.start()
            inboxes.append(inbox)
        }
        let store = stores[0]
        let signer = WebhookSignature(apiSecret: secret)
        let url = inboxes[0].url
        let encoder = JSONEncoder()
        // Pre-build bodies so the figure measures the inbox, not the generator.
        let bodies: [[UInt8]] = try (0..<count).map { i in
            let uuid = UUID().uuidString.lowercased()
            let body = WebhookBody(meta: .init(url: "https://example.com", applicationUUID: "app", payloadUUID: uuid),
                                   customMeta: CustomMeta(), payloadResponse: .init(payloadUUID: uuid, referenceCallUUID: nil, signed: i % 5 != 0, userToken: true, txid: nil),
                                   userToken: .init(userToken: "tok-\(i % 5_000)", tokenIssued: 1_700_000_000, tokenExpiration: 1_702_592_000))
            return Array(try encoder.encode(body))
        }
        // Sign every body and build its request bytes before timing, like a platform that has its
        // deliveries ready: the figure measures the inbox, not the sender's HMAC. The senders are
        // thin blocking-socket clients on their own threads (`LoopbackPoster`), one keep-alive
        // connection each, so they take little of the CPU the inbox needs.
        let ts = String(Int(Date().timeIntervalSince1970))
        let ports = inboxes.map(\.port), path = URL(string: url)?.path ?? "/webhooks/xumm"
        let requests: [[UInt8]] = bodies.enumerated().map { i, body in
            LoopbackPoster.request(path: path, port: ports[(i % senders) % ports.count], timestamp: ts,
                                   signature: signer.sign(timestamp: ts, body: body), body: body)
        }
        let failures = Locked(0)
        let group = DispatchGroup()
        let cpuBefore = BenchStats.processCPUSeconds()
        let start = ContinuousClock.now
        for s in 0..<senders {
            group.enter()
            let thread = Thread {
                // The connection belongs to this thread alone.
                let poster = try? LoopbackPoster(port: ports[s % ports.count])
                for i in stride(from: s, to: count, by: senders) {
                    let status = (try? poster?.send(requests[i])) ?? -1
                    if status != 200 { failures.withLock { $0 += 1 } }
                }
                group.leave()
            }
            thread.start()
        }
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            group.notify(queue: .global()) { done.resume() }
        }
        let elapsed = ContinuousClock.now - start
        let cpu = BenchStats.processCPUSeconds() - cpuBefore
        for inbox in inboxes { await inbox.stop() }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = Double(count) / seconds
        let stored = try await store.deliveryCount()
        let pass = rate >= target && failures.value == 0 && stored == count
        print("\(label): \(count) deliveries, \(senders) senders, \(inboxes.count) inbox\(inboxes.count == 1 ? "" : "es"), \(ms(elapsed)) -> \(Int(rate)) deliveries/s, \(failures.value) failed, \(stored) stored, \(check()), CPU \(BenchStats.fmt(cpu)) s (this process); target >= \(Int(target))/s: \(pass ? "PASS" : "FAIL")")
        return pass
    }

    static func ms(_ d: Duration) -> String {
        String(format: "%.1f ms", Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15)
    }
}

extension Array {
    fileprivate subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
