import AsyncHTTPClient
import Foundation
import NIOCore
import XummPlatform

/// Posts raw webhook deliveries to an inbox over real loopback HTTP, signed or deliberately not.
struct ReliabilityWebhookPoster: Sendable {
    let url: String
    let secret: String

    static func now() -> String { String(Int(Date().timeIntervalSince1970)) }

    func signature(_ timestamp: String, _ body: [UInt8]) -> String {
        WebhookSignature(apiSecret: secret).sign(timestamp: timestamp, body: body)
    }

    /// Posts `body` with the given headers (`nil` omits one); returns the HTTP status, or `nil` when
    /// the server dropped the connection.
    func post(_ body: [UInt8], timestamp: String?, signature: String?) async -> Int? {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        if let timestamp { request.headers.add(name: "x-xumm-request-timestamp", value: timestamp) }
        if let signature { request.headers.add(name: "x-xumm-request-signature", value: signature) }
        request.body = .bytes(ByteBuffer(bytes: body))
        guard let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(10)) else { return nil }
        _ = try? await response.body.collect(upTo: 1 << 20)
        return Int(response.status.code)
    }

    /// A correctly signed delivery.
    func postSigned(_ body: [UInt8]) async -> Int? {
        let ts = Self.now()
        return await post(body, timestamp: ts, signature: signature(ts, body))
    }
}
