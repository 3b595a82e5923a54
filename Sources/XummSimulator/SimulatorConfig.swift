import Foundation

/// How an embedded or standalone simulator runs.
public struct SimulatorConfig: Sendable, CustomStringConvertible {
    /// Interface to listen on (loopback by default).
    public var host: String
    /// TCP port; `0` picks a free one (read it back from ``XummSimulator/baseURL``).
    public var port: Int
    /// The application's API key (`X-API-Key`).
    public var apiKey: String
    /// The application's API secret (`X-API-Secret`); also the webhook signing key. Never logged.
    public var apiSecret: String
    /// Where resolution webhooks are POSTed; `nil` sends none.
    public var webhookURL: String?
    /// The simulated users; `nil` loads ``XummSimulator/runtimeUsersFile`` when set, else the built-in demo cast.
    public var usersFile: URL?
    /// Multiplies every platform delay (user behaviour, expiry, `expires_in_seconds` period, webhook
    /// retries): `1` is real time, `0.1` is ten times faster.
    public var timeScale: Double
    /// Answer 429 once more than ``rateLimitPerMinute`` payloads were created in the last minute.
    public var enforceRateLimit: Bool
    /// Creates per minute reported in `X-RateLimit-Limit` (and enforced when asked).
    public var rateLimitPerMinute: Int
    /// Expiry of a payload whose `options.expire` is absent, in minutes (before scaling).
    public var defaultExpireMinutes: Int
    /// The application name reported by `GET /ping` and in payloads.
    public var applicationName: String
    /// The application has an xApp: `POST /xapp/push` and `/xapp/event` work (without it they are refused).
    public var xappEnabled: Bool

    public init(host: String = "127.0.0.1", port: Int = 0,
                apiKey: String = "00000000-0000-4000-8000-00000000a11e",
                apiSecret: String = "00000000-0000-4000-8000-00000000b0b0",
                webhookURL: String? = nil, usersFile: URL? = nil, timeScale: Double = 1,
                enforceRateLimit: Bool = false, rateLimitPerMinute: Int = 30,
                defaultExpireMinutes: Int = 5, applicationName: String = "PushDesk Simulator", xappEnabled: Bool = false) {
        self.host = host; self.port = port; self.apiKey = apiKey; self.apiSecret = apiSecret
        self.webhookURL = webhookURL; self.usersFile = usersFile; self.timeScale = timeScale
        self.enforceRateLimit = enforceRateLimit; self.rateLimitPerMinute = rateLimitPerMinute
        self.defaultExpireMinutes = defaultExpireMinutes; self.applicationName = applicationName
        self.xappEnabled = xappEnabled
    }

    /// Never shows the secret.
    public var description: String {
        "SimulatorConfig(host: \(host), port: \(port), apiKey: \(apiKey), apiSecret: <redacted>, webhookURL: \(webhookURL ?? "none"), timeScale: \(timeScale))"
    }
}
