/// The application's API key and secret. Its descriptions never show the secret.
public struct XummCredentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    public let apiKey: String
    /// Only for the `X-API-Secret` header and webhook verification. Never print it.
    public let apiSecret: String

    public init(apiKey: String, apiSecret: String) {
        self.apiKey = apiKey
        self.apiSecret = apiSecret
    }

    public var description: String { "XummCredentials(apiKey: \(apiKey), apiSecret: <redacted>)" }
    public var debugDescription: String { description }
}
