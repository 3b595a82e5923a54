import Foundation
import Store
import Testing
import WebhookInbox
import XummPlatform

/// Issue 8, hostile input against `WebhookInbox` over real loopback HTTP: forged, replayed, tampered
/// and oversize deliveries are never accepted, and signed garbage never gets more than a 400.
@Suite("Reliability: webhook attacks", .serialized)
struct ReliabilityWebhookAttackTests {
    static let secret = "7d3c1f0e-aaaa-4bbb-8ccc-0123456789ab"

    func body(_ uuid: String, token: String? = "691d5ae8-968b-44c8-8835-f25da1214f35") -> [UInt8] {
        let b = WebhookBody(
            meta: .init(url: "https://example.com/hook", applicationUUID: "app", payloadUUID: uuid, openedByDeeplink: false),
            customMeta: CustomMeta(identifier: "pd-attack"),
            payloadResponse: .init(payloadUUID: uuid, referenceCallUUID: "r", signed: true, userToken: token != nil, txid: "AB"),
            userToken: token.map { .init(userToken: $0, tokenIssued: 1_700_000_000, tokenExpiration: 1_702_592_000) })
        return Array(try! JSONEncoder().encode(b))
    }

    func withInbox(_ run: (ReliabilityWebhookPoster, SQLiteStore, Locked<[Int]>) async throws -> Void) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pd-attack-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SQLiteStore(path: dir.appendingPathComponent("attack.sqlite").path)
        let statuses = Locked<[Int]>([])
        let inbox = WebhookInbox(config: WebhookInboxConfig(apiSecret: Self.secret), store: store) { e in statuses.withLock { $0.append(e.status) } }
        try await inbox.start()
        do { try await run(ReliabilityWebhookPoster(url: inbox.url, secret: Self.secret), store, statuses) } catch {
            await inbox.stop(); throw error
        }
        await inbox.stop()
    }

    @Test func forgedReplayedTamperedAndOversizeDeliveriesAreNeverAccepted() async throws {
        try await withInbox { poster, store, _ in
            var rng = ReliabilityMutator(seed: 0xA77AC4)
            var tried = [String: Int](), accepted = [String: Int]()
            func tally(_ kind: String, _ status: Int?) {
                tried[kind, default: 0] += 1
                if let s = status, (200..<300).contains(s) { accepted[kind, default: 0] += 1 }
            }
            for i in 0..<60 {
                let b = body("forged-\(i)")
                let ts = ReliabilityWebhookPoster.now()
                let keys = ["wrong-secret-\(i)", Self.secret.replacingOccurrences(of: "-", with: ""), Self.secret + "-", ""]
                let key = keys[i % keys.count]
                // Keyed by another secret; by the secret with every dash removed; random hex; none at all.
                let sig: String? = switch i % 6 {
                case 0, 1, 2, 3: WebhookSignature(apiSecret: key).sign(timestamp: ts, body: b)
                case 4: String((0..<40).map { _ in "0123456789abcdef".randomElement()! })
                default: nil
                }
                tally("forged", await poster.post(b, timestamp: ts, signature: sig))
            }
            // Replays of a captured (never delivered) delivery: old signature under a new timestamp,
            // and the untouched capture once it is older than the 300 s window.
            for i in 0..<40 {
                let b = body("replayed-\(i)")
                let oldTS = String(Int(Date().timeIntervalSince1970) - 301 - i * 60)
                let captured = poster.signature(oldTS, b)
                tally("replayed", await poster.post(b, timestamp: ReliabilityWebhookPoster.now(), signature: captured))
                tally("replayed", await poster.post(b, timestamp: oldTS, signature: captured))
            }
            // Tampering: one to three bytes of a signed body changed, the original signature kept;
            // or the timestamp header changed under the body's signature.
            for i in 0..<100 {
                var b = body("tampered-\(i)")
                let ts = ReliabilityWebhookPoster.now()
                let sig = poster.signature(ts, b)
                if i % 5 == 4 {
                    tally("tampered", await poster.post(b, timestamp: String(Int(ts)! - 1), signature: sig))
                    continue
                }
                for _ in 0..<rng.int(1..<4) {
                    let at = rng.int(0..<b.count)
                    var replacement = UInt8(truncatingIfNeeded: rng.next())
                    if replacement == b[at] { replacement ^= 0x01 }
                    b[at] = replacement
                }
                tally("tampered", await poster.post(b, timestamp: ts, signature: sig))
            }
            // Oversize, correctly signed: just over the 64 KiB limit up to 4 MiB.
            for size in [65_537, 100_000, 1 << 20, 4 << 20] {
                var b = body("oversize-\(size)")
                b.removeLast()
                b += Array(",\"pad\":\"".utf8) + Array(repeating: UInt8(ascii: "x"), count: size) + Array("\"}".utf8)
                tally("oversize", await poster.postSigned(b))
            }
            let rows = try await store.deliveryCount()
            let users = try await store.userCount()
            print("[reliability] webhook attacks over loopback: " + tried.keys.sorted().map { "\($0)=\(tried[$0]!) accepted=\(accepted[$0] ?? 0)" }.joined(separator: ", ") + " rows=\(rows)")
            #expect(accepted.values.reduce(0, +) == 0, "\(accepted)")
            #expect(rows == 0 && users == 0)

            // A replay inside the window of a delivery already accepted is acknowledged, never re-recorded.
            let good = body("genuine")
            let ts = ReliabilityWebhookPoster.now()
            let sig = poster.signature(ts, good)
            #expect(await poster.post(good, timestamp: ts, signature: sig) == 200)
            for _ in 0..<10 { #expect(await poster.post(good, timestamp: ts, signature: sig) == 200) }
            #expect(try await store.deliveryCount() == 1)
            #expect(try await store.userCount() == 1)
        }
    }

    @Test func signedGarbageNeverGetsPastA400() async throws {
        try await withInbox { poster, store, statuses in
            var rng = ReliabilityMutator(seed: 0xB0D1E5)
            let seeds = [String(decoding: body("seed-a"), as: UTF8.self), String(decoding: body("seed-b", token: nil), as: UTF8.self)]
            let cases = 1_500
            var byStatus = [Int: Int]()
            for _ in 0..<cases {
                let status = await poster.postSigned(Array(rng.input(seeds: seeds).utf8))
                byStatus[status ?? -1, default: 0] += 1
            }
            // The inbox is still up and well after all of it.
            #expect(await poster.postSigned(body("after-the-storm")) == 200)
            print("[reliability] fuzz inbox handler (signed hostile bodies over HTTP): inputs=\(cases) statuses=\(byStatus.sorted { $0.key < $1.key }) crashes=0")
            #expect(Set(byStatus.keys).isSubset(of: [200, 400, 413]), "\(byStatus)")
            #expect((byStatus[400] ?? 0) > 0)
            let rows = try await store.deliveryCount()
            #expect(rows >= 1 && rows <= (byStatus[200] ?? 0) + 1)
            #expect(statuses.value.count == cases + 1)
            #expect(store.integrityCheck())
        }
    }
}
