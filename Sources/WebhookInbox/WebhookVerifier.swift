import Foundation
import XummPlatform

/// Checks a delivery before anything is stored: signature over the raw body bytes, timestamp
/// window, then JSON shape. Pure apart from the clock value passed in.
public struct WebhookVerifier: Sendable {
    let signature: WebhookSignature
    let window: TimeInterval

    public init(apiSecret: String, timestampWindow: TimeInterval) {
        signature = WebhookSignature(apiSecret: apiSecret)
        window = timestampWindow
    }

    /// The decoded body, or why it is refused.
    public func check(timestamp: String?, signature given: String?, body: [UInt8], now: Date) -> Result<WebhookBody, WebhookRefusal> {
        guard let timestamp, let given, !timestamp.isEmpty, !given.isEmpty else { return .failure(.missingSignature) }
        guard signature.verify(signature: given, timestamp: timestamp, body: body) else { return .failure(.badSignature) }
        guard let seconds = Double(timestamp.trimmingCharacters(in: .whitespaces)), seconds.isFinite,
              abs(now.timeIntervalSince1970 - seconds) <= window else { return .failure(.staleTimestamp) }
        guard let decoded = WebhookBodyReader.decode(body),
              !decoded.meta.payloadUUID.isEmpty else { return .failure(.malformedJSON) }
        return .success(decoded)
    }
}
