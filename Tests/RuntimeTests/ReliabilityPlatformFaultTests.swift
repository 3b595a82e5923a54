import Domain
import Foundation
import Runtime
import SimulatorTestSupport
import Store
import Testing
import WebhookInbox
import XummPlatform
import XummSimulator

/// Issue 8, platform faults: 200 pushes through `PushService` while the in-process simulator
/// injects 5xx and 429 storms, slow answers, dropped connections, cut websockets and duplicate
/// webhooks, and the webhook inbox is down for a while (so deliveries arrive late, via retries).
@Suite("Reliability: platform faults", .serialized)
struct ReliabilityPlatformFaultTests {
    static let pushes = 200
    static let batches = 5
    static let tx = #"{"TransactionType":"Payment","Destination":"rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh","Amount":"1000000"}"#

    /// The faults armed before each batch of 40 pushes.
    static func faults(batch: Int) -> [FaultSpec] {
        switch batch {
        case 0: return [FaultSpec(route: "create", kind: .status, status: 503, times: 10),
                        FaultSpec(route: "create", kind: .statusAfterCommit, status: 502, times: 6),
                        FaultSpec(route: "create", kind: .dropAfterCommit, times: 6)]
        case 1: return [FaultSpec(route: "create", kind: .status, status: 429, times: 10),
                        FaultSpec(route: "get", kind: .status, status: 500, times: 10),
                        FaultSpec(route: "ci", kind: .status, status: 503, times: 1),
                        FaultSpec(route: "create", kind: .statusAfterCommit, status: 500, times: 4)]
        case 2: return [FaultSpec(route: "create", kind: .delay, delayMs: 300, times: 10),
                        FaultSpec(route: "get", kind: .delay, delayMs: 300, times: 10),
                        FaultSpec(route: "get", kind: .drop, times: 5)]
        case 3: return [FaultSpec(route: "websocket", kind: .cut, afterMessages: 1, times: 25),
                        FaultSpec(route: "websocket", kind: .cut, afterMessages: 0, times: 10)]
        default: return [FaultSpec(route: "webhook", kind: .duplicate, times: 25),
                         FaultSpec(route: "create", kind: .drop, times: 5)]
        }
    }

    @Test func twoHundredPushesUnderFaultsEndExactlyAsTheSimulatorSays() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pd-faults-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SQLiteStore(path: dir.appendingPathComponent("faults.sqlite").path)
        var inbox = WebhookInbox(config: WebhookInboxConfig(apiSecret: SimHarness.secret), store: store)
        try await inbox.start()
        let inboxPort = inbox.port
        let h = try await SimHarness.start(timeScale: 0.005, webhookURL: inbox.url)
        let service = PushService(client: h.client, store: store, operatorName: "reliability")
        let users = await h.sim.users()
        let targets = users.compactMap { u in u.userToken.map { (name: u.name, token: $0) } }
        try #require(!targets.isEmpty)

        var settings = PayloadStatusStream.Settings()
        settings.pingInterval = .milliseconds(200)
        settings.silenceTimeout = .seconds(2)
        settings.initialBackoff = .milliseconds(20)
        settings.maxBackoff = .milliseconds(200)
        settings.openedGrace = .seconds(10) // ivan signs after expiry: wait for it, as the console does

        let tally = Locked(Tally())
        let perBatch = Self.pushes / Self.batches
        for batch in 0..<Self.batches {
            for f in Self.faults(batch: batch) { h.sim.injectFault(f) }
            if batch == Self.batches - 1 {
                // The inbox goes down: webhooks of this batch fail and are retried later (late webhooks).
                await inbox.stop()
            }
            await withTaskGroup(of: Void.self) { group in
                for i in 0..<perBatch {
                    let target = targets[(batch * perBatch + i) % targets.count]
                    group.addTask { [settings] in
                        let spec = PushRequestSpec(txjsonText: Self.tx, userToken: target.token, userName: target.name, expireMinutes: 1)
                        await Self.pushAndFollow(spec, service: service, settings: settings, tally: tally)
                    }
                }
            }
            if batch == Self.batches - 1 {
                inbox = WebhookInbox(config: WebhookInboxConfig(port: inboxPort, apiSecret: SimHarness.secret), store: store)
                try await inbox.start()
            }
        }
        h.sim.clearFaults()

        // Let the simulator finish: every payload resolves or expires, every webhook is retried home.
        let settled = await withHangGuard(seconds: 60) {
            while !Task.isCancelled {
                let live = await h.sim.payloads().filter { ["pending", "opened"].contains($0.state) }
                let deliveries = await h.sim.webhookDeliveries()
                // A webhook is settled once delivered or after its last (5th) attempt.
                let settledUUIDs = Set(deliveries.filter { $0.delivered || $0.attempt >= 5 }.map(\.payloadUUID))
                let pendingWebhooks = Set(deliveries.map(\.payloadUUID)).subtracting(settledUUIDs)
                if live.isEmpty && pendingWebhooks.isEmpty { return true }
                try? await Task.sleep(for: .milliseconds(100))
            }
            return false
        }
        #expect(settled == true)

        let simPayloads = await h.sim.payloads()
        let deliveries = await h.sim.webhookDeliveries()
        let stored = try await store.payloads(limit: 10_000)
        let byUUID = Dictionary(uniqueKeysWithValues: stored.map { ($0.uuid, $0) })
        let identifiers = simPayloads.compactMap(\.identifier)
        let duplicates = identifiers.count - Set(identifiers).count
        let orphans = simPayloads.filter { byUUID[$0.uuid] == nil }
        let nonFinal = stored.filter { !$0.isFinal }
        let mismatched = stored.filter { r in
            guard let s = simPayloads.first(where: { $0.uuid == r.uuid }) else { return true }
            return r.result?.outcome.rawValue != s.state || r.result?.txid != s.txid || r.identifier != s.identifier
        }
        let deliveredUUIDs = Set(deliveries.filter(\.delivered).map(\.payloadUUID))
        let duplicateCopies = deliveries.filter(\.delivered).count - deliveredUUIDs.count
        let lateAttempts = deliveries.filter { $0.delivered && $0.attempt > 1 }.count
        let t = tally.value
        let webhookRows = try await store.deliveryCount()

        print("""
        [reliability] platform faults: pushes=\(Self.pushes) created=\(t.created) operatorRetries=\(t.createRetries) \
        refollows=\(t.refollows) simPayloads=\(simPayloads.count) duplicatesPerIdentifier=\(duplicates) orphans=\(orphans.count) \
        nonFinal=\(nonFinal.count) mismatched=\(mismatched.count) webhooksDelivered=\(deliveredUUIDs.count) \
        duplicateWebhookCopies=\(duplicateCopies) lateWebhooks=\(lateAttempts) webhookRows=\(webhookRows)
        """)
        #expect(t.created == Self.pushes)
        #expect(t.createRetries > 0, "the storms must have bitten")
        #expect(duplicates == 0)
        #expect(orphans.isEmpty, "payloads the simulator holds but PushDesk lost: \(orphans.map(\.uuid).prefix(3))")
        #expect(simPayloads.count == Self.pushes)
        #expect(nonFinal.isEmpty, "\(nonFinal.map(\.uuid).prefix(3))")
        #expect(mismatched.isEmpty, "\(mismatched.map { "\($0.uuid) \($0.result?.outcome.rawValue ?? "nil")" }.prefix(3))")
        // Each delivered webhook is recorded, once per payload, whatever the number of copies and retries.
        // (A delivery the inbox committed while going down counts as recorded though the sender saw a failure.)
        let attemptedUUIDs = Set(deliveries.map(\.payloadUUID))
        #expect(webhookRows >= deliveredUUIDs.count && webhookRows <= attemptedUUIDs.count)
        #expect(store.integrityCheck())
        await h.stop()
        await inbox.stop()
    }

    struct Tally: Sendable { var created = 0; var createRetries = 0; var refollows = 0 }

    /// The operator's loop for one push: create (retrying after a failure, as an operator would),
    /// then follow to the end (following again if a stream gives up).
    static func pushAndFollow(_ spec: PushRequestSpec, service: PushService, settings: PayloadStatusStream.Settings, tally: Locked<Tally>) async {
        var record: PayloadRecord?
        for _ in 0..<400 {
            do {
                record = try await service.create(spec)
                break
            } catch {
                tally.withLock { $0.createRetries += 1 }
                try? await Task.sleep(for: .milliseconds(25))
            }
        }
        guard var current = record else { return }
        tally.withLock { $0.created += 1 }
        for attempt in 0..<4 where !current.isFinal {
            if attempt > 0 {
                tally.withLock { $0.refollows += 1 }
                try? await Task.sleep(for: .milliseconds(100))
            }
            current = await service.follow(current, settings: settings) { _ in }
        }
    }
}
