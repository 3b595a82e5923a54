import Foundation
import Logging

/// How the webhook endpoint listens and what it accepts. Its descriptions never show the secret.
public struct WebhookInboxConfig: Sendable, CustomStringConvertible {
    /// Interface to bind (`127.0.0.1`, `0.0.0.0`, ...).
    public var host: String
    /// Port to bind; 0 picks a free one (read it back from ``WebhookInbox/url``).
    public var port: Int
    /// Route that accepts `POST` deliveries.
    public var path: String
    /// The application's API secret: signature key material only. Never logged or stored.
    public var apiSecret: String
    /// Accepted clock difference between `x-xumm-request-timestamp` and now, either way.
    public var timestampWindow: TimeInterval
    /// Larger bodies are refused with 413.
    public var maxBodyBytes: Int
    /// The clock used for the timestamp window (injectable for tests).
    public var now: @Sendable () -> Date
    /// Where deliveries are logged.
    public var logger: Logger

    public init(host: String = "127.0.0.1", port: Int = 0, path: String = "/webhooks/xumm", apiSecret: String,
                timestampWindow: TimeInterval = 300, maxBodyBytes: Int = 65_536,
                now: @escaping @Sendable () -> Date = { Date() }, logger: Logger = Logger(label: "pushdesk.webhook")) {
        self.host = host; self.port = port
        self.path = path.hasPrefix("/") ? path : "/" + path
        self.apiSecret = apiSecret; self.timestampWindow = timestampWindow; self.maxBodyBytes = maxBodyBytes
        self.now = now; self.logger = logger
    }

    public var description: String {
        "WebhookInboxConfig(host: \(host), port: \(port), path: \(path), apiSecret: <redacted>, timestampWindow: \(timestampWindow), maxBodyBytes: \(maxBodyBytes))"
    }
}
