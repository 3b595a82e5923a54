import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import XummPlatform

/// One webhook delivery attempt, as listed by `GET /_sim/webhooks`.
public struct WebhookDelivery: Sendable, Codable, Equatable {
    public var payloadUUID: String
    public var attempt: Int
    /// HTTP status answered by the receiver; `nil` when it could not be reached.
    public var status: Int?
    public var delivered: Bool
    public var at: Date
    enum CodingKeys: String, CodingKey { case attempt, status, delivered, at; case payloadUUID = "payload_uuidv4" }
}

/// POSTs signed webhooks exactly as the platform does, retrying on its schedule (scaled).
actor WebhookSender {
    /// The platform's retry delays after attempts 1...4, in seconds.
    static let retryDelays: [Double] = [10, 60, 600, 600]

    private let signature: WebhookSignature
    private let timeScale: Double
    private let clock: SimulatorClock
    private let logger: Logger
    private(set) var deliveries: [WebhookDelivery] = []
    private var tasks: [Task<Void, Never>] = []

    init(apiSecret: String, timeScale: Double, clock: SimulatorClock, logger: Logger) {
        self.signature = WebhookSignature(apiSecret: apiSecret)
        self.timeScale = timeScale
        self.clock = clock
        self.logger = logger
    }

    /// Sends `body` to `url` in the background, `copies` times (a duplicate-delivery fault sends 2).
    func send(_ body: WebhookBody, to url: String, copies: Int = 1) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        guard let data = try? encoder.encode(body) else { return }
        for _ in 0..<max(1, copies) {
            tasks.append(Task { await self.deliver(data, uuid: body.meta.payloadUUID, to: url) })
        }
    }

    private func deliver(_ data: Data, uuid: String, to url: String) async {
        for attempt in 1...(Self.retryDelays.count + 1) {
            if Task.isCancelled { return }
            let status = await post(data, uuid: uuid, attempt: attempt, to: url)
            let ok = status.map { [200, 201, 204].contains($0) } ?? false
            deliveries.append(WebhookDelivery(payloadUUID: uuid, attempt: attempt, status: status, delivered: ok, at: Date()))
            logger.info("webhook", metadata: ["payload": "\(uuid)", "attempt": "\(attempt)", "status": "\(status.map(String.init) ?? "unreachable")"])
            if ok || attempt > Self.retryDelays.count { return }
            try? await Task.sleep(for: .milliseconds(Int(Self.retryDelays[attempt - 1] * timeScale * 1000)))
        }
    }

    private func post(_ data: Data, uuid: String, attempt: Int, to url: String) async -> Int? {
        let timestamp = String(Int(clock.now().timeIntervalSince1970))
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        request.headers.add(name: "user-agent", value: "xumm-webhook")
        request.headers.add(name: "x-xumm-request-timestamp", value: timestamp)
        request.headers.add(name: "x-xumm-request-signature", value: signature.sign(timestamp: timestamp, body: data))
        request.headers.add(name: "x-xumm-attempt", value: String(attempt))
        request.headers.add(name: "x-xumm-payload", value: uuid)
        request.body = .bytes(ByteBuffer(bytes: data))
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
            _ = try? await response.body.collect(upTo: 1 << 20)
            return Int(response.status.code)
        } catch {
            return nil
        }
    }

    /// Stops pending retries.
    func cancelAll() {
        for t in tasks { t.cancel() }
        tasks = []
    }
}
