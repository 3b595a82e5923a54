import Foundation

/// One verified webhook delivery, in the store's terms: which payload it is about, whether the user
/// signed, and the user token it carried. The platform sends one per payload resolution and retries
/// it up to five times; the store keeps each delivery once (by ``key``).
public struct WebhookDelivery: Sendable, Equatable {
    /// The de-duplication key: the same on every retry of this delivery (see ``key(payloadUUID:)``).
    public var key: String
    /// The payload it is about (`meta.payload_uuidv4`, as sent).
    public var payloadUUID: String
    /// `true` signed, `false` rejected, `nil` when the delivery carried no payload response.
    public var signed: Bool?
    /// The user token it carried (`userToken.user_token`), if a token came with it.
    public var userToken: String?
    /// When the platform issued that token (`token_issued`).
    public var tokenIssued: Date?
    /// When the platform says that token expires (`token_expiration`).
    public var tokenExpiration: Date?
    /// When the inbox received it. A signed delivery renews its user's token from this instant.
    public var receivedAt: Date

    /// - Parameter key: defaults to ``key(payloadUUID:)``.
    public init(key: String? = nil, payloadUUID: String, signed: Bool?, userToken: String?, tokenIssued: Date? = nil,
                tokenExpiration: Date? = nil, receivedAt: Date) {
        self.key = key ?? Self.key(payloadUUID: payloadUUID)
        self.payloadUUID = payloadUUID; self.signed = signed; self.userToken = userToken
        self.tokenIssued = tokenIssued; self.tokenExpiration = tokenExpiration; self.receivedAt = receivedAt
    }

    /// The de-duplication key of the delivery about `payloadUUID`.
    ///
    /// A payload resolves exactly once and the platform sends one webhook per resolution, retried up
    /// to five times. Every retry is re-signed with a fresh `x-xumm-request-timestamp`, so the
    /// signature (which covers the timestamp) differs per attempt and cannot identify a delivery;
    /// attempt headers are not documented. The payload UUID is the same on every attempt, so the key
    /// is that UUID, lower-cased. A replay of a captured delivery inside the timestamp window is
    /// thereby absorbed too.
    public static func key(payloadUUID: String) -> String { payloadUUID.lowercased() }
}
