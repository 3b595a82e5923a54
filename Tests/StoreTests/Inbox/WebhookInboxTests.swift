import AsyncHTTPClient
import Domain
import Foundation
import GRDB
import Logging
import NIOCore
import Store
import Testing
import WebhookInbox
import XummPlatform

/// Sends signed (or deliberately broken) deliveries to a running inbox.
struct WebhookSender {
    let url: String
    let secret: String

    func send(_ body: WebhookBody, timestamp: Int = Int(Date().timeIntervalSince1970)) async throws -> Int {
        try await send(bytes: Array(try JSONEncoder().encode(body)), timestamp: timestamp)
    }

    func send(bytes: [UInt8], timestamp: Int = Int(Date().timeIntervalSince1970), signature: String?? = nil, includeTimestamp: Bool = true) async throws -> Int {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        if includeTimestamp { request.headers.add(name: "x-xumm-request-timestamp", value: String(timestamp)) }
        let sig = signature ?? WebhookSignature(apiSecret: secret).sign(timestamp: String(timestamp), body: bytes)
        if let sig { request.headers.add(name: "x-xumm-request-signature", value: sig) }
        request.body = .bytes(ByteBuffer(bytes: bytes))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        _ = try await response.body.collect(upTo: 1 << 20)
        return Int(response.status.code)
    }
}

@Suite("WebhookInbox over loopback HTTP")
struct WebhookInboxTests {
    static let secret = "c5bc2fc4-ee9d-4a47-9bd4-8b20e7d1ad7b"

    func withInbox(busyTimeout: TimeInterval = 5, _ body: (WebhookInbox, SQLiteStore, WebhookSender, Locked<[WebhookDeliveryEvent]>, Locked<[String]>) async throws -> Void) async throws {
        let (store, dir) = try makeTempStore(busyTimeout: busyTimeout)
        defer { try? FileManager.default.removeItem(at: dir) }
        let events = Locked<[WebhookDeliveryEvent]>([])
        let logs = Locked<[String]>([])
        let logger = Logger(label: "test") { _ in CapturingLogHandler(lines: logs) }
        let inbox = WebhookInbox(config: WebhookInboxConfig(apiSecret: Self.secret, logger: logger), store: store) { e in
            events.withLock { $0.append(e) }
        }
        try await inbox.start()
        do {
            try await body(inbox, store, WebhookSender(url: inbox.url, secret: Self.secret), events, logs)
        } catch {
            await inbox.stop()
            throw error
        }
        await inbox.stop()
    }

    @Test func acceptsASignedDeliveryAndRecordsTheUser() async throws {
        try await withInbox { inbox, store, sender, events, logs in
            #expect(inbox.url.hasPrefix("http://127.0.0.1:"))
            #expect(inbox.url.hasSuffix("/webhooks/xumm"))
            #expect(inbox.port > 0)
            #expect(try await sender.send(webhookBody(payload: "p-1", token: "tok-1")) == 200)
            #expect(try await store.hasDelivery(key: "p-1"))
            #expect(try await store.user(token: "tok-1")?.source == .webhook)
            let e = try #require(events.value.last)
            #expect(e.outcome == .recorded)
            #expect(e.userToken == "tok-1")
            #expect(e.recordedCount == 1)
            #expect(logs.value.contains { $0.contains("recorded") && $0.contains("p-1") })
        }
    }

    @Test func retriedDeliveryIsAcknowledgedButRecordedOnce() async throws {
        try await withInbox { inbox, store, sender, events, _ async throws in
            let delivery = webhookBody(payload: "p-r", token: "tok")
            let now = Int(Date().timeIntervalSince1970)
            #expect(try await sender.send(delivery, timestamp: now) == 200)
            #expect(try await sender.send(delivery, timestamp: now + 10) == 200) // a retry: new timestamp, new signature
            #expect(try await store.deliveryCount() == 1)
            #expect(events.value.map(\.outcome) == [.recorded, .duplicate])
            #expect(inbox.recordedCount == 1)
        }
    }

    @Test func refusesEveryBadDelivery() async throws {
        try await withInbox { _, store, sender, events, logs in
            let good = Array(try JSONEncoder().encode(webhookBody(payload: "p-x")))
            let now = Int(Date().timeIntervalSince1970)
            #expect(try await sender.send(bytes: good, signature: .some(nil)) == 401) // missing signature
            #expect(try await sender.send(bytes: good, includeTimestamp: false) == 401) // missing timestamp
            #expect(try await sender.send(bytes: good, signature: "deadbeef") == 401)
            let forged = WebhookSignature(apiSecret: "another-secret").sign(timestamp: String(now), body: good)
            #expect(try await sender.send(bytes: good, timestamp: now, signature: .some(forged)) == 401)
            var tampered = good
            tampered[tampered.count - 2] = UInt8(ascii: " ")
            let sigOfGood = WebhookSignature(apiSecret: Self.secret).sign(timestamp: String(now), body: good)
            #expect(try await sender.send(bytes: tampered, timestamp: now, signature: .some(sigOfGood)) == 401)
            #expect(try await sender.send(bytes: good, timestamp: now - 301) == 401) // stale
            #expect(try await sender.send(bytes: good, timestamp: now + 400) == 401) // from the future
            #expect(try await sender.send(bytes: Array("{\"meta\":".utf8)) == 400)
            #expect(try await sender.send(bytes: Array(#"{"meta":{}}"#.utf8)) == 400)
            let huge = Array(repeating: UInt8(ascii: " "), count: 65_537)
            #expect(try await sender.send(bytes: huge) == 413)
            #expect(try await store.deliveryCount() == 0)
            #expect(events.value.map(\.status) == [401, 401, 401, 401, 401, 401, 401, 400, 400, 413])
            #expect(events.value[5].outcome == .refused(.staleTimestamp))
            #expect(!logs.value.joined().contains(Self.secret))
            #expect(!logs.value.joined().contains(Self.secret.replacingOccurrences(of: "-", with: "")))
        }
    }

    @Test func acceptsABodyOfExactlyTheLimit() async throws {
        try await withInbox { _, _, sender, _, _ async throws in
            var bytes = Array(try JSONEncoder().encode(webhookBody(payload: "p-big")))
            bytes += Array(repeating: UInt8(ascii: " "), count: 65_536 - bytes.count)
            #expect(try await sender.send(bytes: bytes) == 200)
        }
    }

    @Test func answers503WhenTheStoreCannotCommitThenAcceptsTheRetry() async throws {
        try await withInbox(busyTimeout: 0.2) { _, store, sender, events, _ in
            // Another connection holds the write lock (as another process could).
            let blocker = try DatabaseQueue(path: store.path)
            let locked = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                try? blocker.inTransaction(.immediate) { _ in
                    locked.signal()
                    release.wait()
                    return .rollback
                }
            }
            locked.wait()
            let delivery = webhookBody(payload: "p-busy", token: "tok-busy")
            #expect(try await sender.send(delivery) == 503)
            #expect(events.value.last?.outcome == .storeUnavailable)
            release.signal()
            #expect(try await sender.send(delivery) == 200)
            #expect(try await store.user(token: "tok-busy") != nil)
        }
    }

    @Test func portInUseFailsToStart() async throws {
        try await withInbox { inbox, store, _, _, _ async throws in
            let second = WebhookInbox(config: WebhookInboxConfig(port: inbox.port, apiSecret: Self.secret), store: store)
            await #expect(throws: (any Error).self) { try await second.start() }
        }
    }

    /// Every retry is re-signed with a fresh timestamp, so the key comes from the payload alone.
    @Test func aBodyBecomesADeliveryKeyedByItsPayload() {
        let a = webhookBody(payload: "P-UUID", signed: false, token: "t", issued: 1_700_000_000, expiration: nil)
        var b = a
        b.payloadResponse?.referenceCallUUID = "other"
        let d = WebhookDelivery(a, receivedAt: t0)
        #expect(d == WebhookDelivery(key: "p-uuid", payloadUUID: "P-UUID", signed: false, userToken: "t", tokenIssued: t0, receivedAt: t0))
        #expect(WebhookDelivery(b, receivedAt: t0.addingTimeInterval(60)).key == d.key)
        var unsigned = a
        unsigned.payloadResponse = nil
        unsigned.userToken = nil
        #expect(WebhookDelivery(unsigned, receivedAt: t0) == WebhookDelivery(payloadUUID: "P-UUID", signed: nil, userToken: nil, receivedAt: t0))
    }

    @Test func configDescriptionHidesTheSecret() {
        let config = WebhookInboxConfig(apiSecret: Self.secret)
        #expect(!"\(config)".contains(Self.secret))
        #expect(!String(reflecting: config).contains("c5bc2fc4"))
    }
}
