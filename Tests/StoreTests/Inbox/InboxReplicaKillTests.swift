import Foundation
import PostgresTestSupport
import Store
import Testing
import XummPlatform

/// Two `pushdesk webhook serve` replicas on one PostgreSQL store get every delivery at once (as a
/// retry after a failover would), and one is SIGKILLed mid-flood: each delivery is one row, each
/// user once, and nothing either replica acknowledged is lost.
@Suite("Inbox replicas on PostgreSQL, one killed during a flood")
struct InboxReplicaKillTests {
    static let secret = "replica-kill-secret-0001"

    @Test(.enabled(if: PushdeskBinary.locate() != nil, "pushdesk binary not built: run `swift build` before `swift test`"))
    func everyAcknowledgedDeliveryIsOneRowWhenAReplicaIsKilled() async throws {
        let binary = try #require(PushdeskBinary.locate())
        try await PostgresTestServer.withDatabase { endpoint in
            try await Self.run(binary: binary, endpoint: endpoint)
        }
    }

    static func run(binary: URL, endpoint: PostgresEndpoint) async throws {
        let url = "postgres://\(endpoint.username):\(endpoint.password ?? "")@\(endpoint.host):\(endpoint.port)/\(endpoint.database)"
        let a = try ServeProcess(binary: binary, store: url, secret: Self.secret)
        let b = try ServeProcess(binary: binary, store: url, secret: Self.secret)
        defer { _ = b.terminate() }
        let senders = [WebhookSender(url: a.url, secret: Self.secret), WebhookSender(url: b.url, secret: Self.secret)]
        let acked = Locked<Set<String>>([])
        let sent = Locked<Set<String>>([])
        let killAfter = 300
        let statusCounts = Locked<[Int: Int]>([:])
        let workersDone = Locked(0)
        let killed = Locked(false)
        let pidA = a.pid
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<6 {
                group.addTask {
                    for i in 0..<400 {
                        let uuid = "r\(worker)-\(i)-\(UUID().uuidString.lowercased())"
                        let body = webhookBody(payload: uuid, token: "tok-\(uuid)")
                        sent.withLock { _ = $0.insert(uuid) }
                        // The same delivery to both replicas at the same instant; once A is dead, to B
                        // only (as a load balancer would: connecting to a dead port only waits out a timeout).
                        let live = killed.value ? [senders[1]] : senders
                        let statuses = await withTaskGroup(of: Int?.self) { pair in
                            for s in live { pair.addTask { try? await s.send(body) } }
                            return await pair.reduce(into: [Int?]()) { $0.append($1) }
                        }
                        if statuses.contains(200) { acked.withLock { _ = $0.insert(uuid) } }
                        statusCounts.withLock { for st in statuses { $0[st ?? 0, default: 0] += 1 } }
                    }
                    workersDone.withLock { $0 += 1 }
                }
            }
            group.addTask {
                // (Also ends when the workers have finished, so a flood that never reaches the mark fails instead of hanging.)
                while acked.value.count < killAfter, workersDone.value < 6 { try await Task.sleep(for: .milliseconds(5)) }
                kill(pidA, SIGKILL)
                killed.withLock { $0 = true }
            }
            try await group.waitForAll()
        }
        a.waitUntilExit()
        #expect(a.process.terminationReason == .uncaughtSignal)
        let acknowledged = acked.value
        #expect(acknowledged.count > killAfter, "answers: \(statusCounts.value)")

        let store = try await PostgresStore.open(endpoint, maximumConnections: 2)
        var missing: [String] = []
        for uuid in acknowledged {
            let recorded = try await store.hasDelivery(key: uuid)
            let user = try await store.user(token: "tok-\(uuid)")
            if !recorded || user == nil { missing.append(uuid) }
        }
        let rows = try await store.deliveryCount()
        let users = try await store.userCount()
        let total = sent.value.count
        print("[reliability] two inbox replicas on PostgreSQL, one SIGKILLed mid-flood: sent=\(total) acknowledged=\(acknowledged.count) lost=\(missing.count) rows=\(rows) users=\(users)")
        #expect(missing.isEmpty, "acknowledged but not stored: \(missing.prefix(5))")
        // One row per delivery, one user per token, even with both replicas committing each one.
        #expect(rows <= total && rows >= acknowledged.count)
        #expect(users == rows)
        await store.close()
    }
}
