import Foundation

/// The body the platform POSTs to the app's webhook URL when a payload resolves.
public struct WebhookBody: Sendable, Equatable, Codable {
    public struct Meta: Sendable, Equatable, Codable {
        public var url: String?
        public var applicationUUID: String?
        public var payloadUUID: String
        public var openedByDeeplink: Bool?
        enum CodingKeys: String, CodingKey {
            case url; case applicationUUID = "application_uuidv4", payloadUUID = "payload_uuidv4", openedByDeeplink = "opened_by_deeplink"
        }
        public init(url: String?, applicationUUID: String?, payloadUUID: String, openedByDeeplink: Bool? = nil) {
            self.url = url; self.applicationUUID = applicationUUID; self.payloadUUID = payloadUUID; self.openedByDeeplink = openedByDeeplink
        }
    }
    public struct PayloadResponse: Sendable, Equatable, Codable {
        public var payloadUUID: String
        public var referenceCallUUID: String?
        public var signed: Bool
        /// Here a boolean: whether a user token was issued.
        public var userToken: Bool?
        public var returnURL: ReturnURL?
        public var txid: String?
        enum CodingKeys: String, CodingKey {
            case signed, txid
            case payloadUUID = "payload_uuidv4", referenceCallUUID = "reference_call_uuidv4", userToken = "user_token", returnURL = "return_url"
        }
        public init(payloadUUID: String, referenceCallUUID: String?, signed: Bool, userToken: Bool?, returnURL: ReturnURL? = ReturnURL(), txid: String?) {
            self.payloadUUID = payloadUUID; self.referenceCallUUID = referenceCallUUID; self.signed = signed
            self.userToken = userToken; self.returnURL = returnURL; self.txid = txid
        }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(payloadUUID, forKey: .payloadUUID); try c.encode(referenceCallUUID, forKey: .referenceCallUUID)
            try c.encode(signed, forKey: .signed); try c.encode(userToken, forKey: .userToken)
            try c.encode(returnURL, forKey: .returnURL); try c.encode(txid, forKey: .txid)
        }
    }
    /// The issued token (unix seconds); the whole object may be `null`.
    public struct UserToken: Sendable, Equatable, Codable {
        public var userToken: String
        public var tokenIssued: Int?
        public var tokenExpiration: Int?
        enum CodingKeys: String, CodingKey { case userToken = "user_token", tokenIssued = "token_issued", tokenExpiration = "token_expiration" }
        public init(userToken: String, tokenIssued: Int?, tokenExpiration: Int?) {
            self.userToken = userToken; self.tokenIssued = tokenIssued; self.tokenExpiration = tokenExpiration
        }
    }

    public var meta: Meta
    public var customMeta: CustomMeta?
    public var payloadResponse: PayloadResponse?
    public var userToken: UserToken?

    enum CodingKeys: String, CodingKey { case meta, payloadResponse, userToken; case customMeta = "custom_meta" }

    public init(meta: Meta, customMeta: CustomMeta?, payloadResponse: PayloadResponse?, userToken: UserToken?) {
        self.meta = meta; self.customMeta = customMeta; self.payloadResponse = payloadResponse; self.userToken = userToken
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(meta, forKey: .meta); try c.encode(customMeta, forKey: .customMeta)
        try c.encode(payloadResponse, forKey: .payloadResponse); try c.encode(userToken, forKey: .userToken)
    }
}
