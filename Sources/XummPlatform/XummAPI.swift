/// The calls PushDesk makes on the Xumm platform, as one protocol: ``XummClient`` is the real one
/// (xumm.app or the simulator over loopback); tests may put an in-memory double in its place.
public protocol XummAPI: Sendable {
    /// The last rate-limit figures seen on any answer.
    var rateLimit: RateLimitStatus { get }
    /// `POST /payload`, exactly once per `custom_meta.identifier`.
    func createPayload(_ request: PayloadCreateRequest) async throws -> PayloadCreateResponse
    /// `GET /payload/{uuid}`.
    func payload(uuid: String) async throws -> XummPayload
    /// `GET /payload/ci/{identifier}`.
    func payload(identifier: String) async throws -> XummPayload
    /// The create answer for a payload found by identifier (deep link and websocket rebuilt).
    func responseForExisting(_ payload: XummPayload) -> PayloadCreateResponse
    /// `DELETE /payload/{uuid}`.
    func cancel(uuid: String) async throws -> PayloadCancelResponse
    /// `POST /user-tokens`.
    func verifyUserTokens(_ tokens: [String]) async throws -> [UserTokenStatus]
    /// The payload's status events until its final state (see ``PayloadStatusStream``).
    func statusEvents(uuid: String, websocketURL: String, settings: PayloadStatusStream.Settings) -> AsyncStream<StatusStreamEvent>
    /// `POST /xapp/push` (`asEvent: false`) or `POST /xapp/event`: a notification without a sign request.
    func notify(_ request: XAppPushRequest, asEvent: Bool) async throws -> XAppPushResult
    /// `GET /xrpl-tx/{txid}`.
    func transaction(txid: String) async throws -> XRPLTransactionReport
    /// `POST /kyc-status {user_token}`.
    func kycStatus(userToken: String) async throws -> KYCStatusResponse
    /// `GET /account-meta/{account}`.
    func accountMeta(account: String) async throws -> AccountMeta
    /// `GET /rails`.
    func rails() async throws -> [String: NetworkRail]
    /// The same events, handed to `onEvent` in the calling task as they arrive; returns after the last.
    func followStatus(uuid: String, websocketURL: String, settings: PayloadStatusStream.Settings,
                      onEvent: @escaping @Sendable (StatusStreamEvent) async -> Void) async
}

extension XummAPI {
    // Test doubles that only play the payload calls inherit these refusals.
    public func notify(_ request: XAppPushRequest, asEvent: Bool) async throws -> XAppPushResult { throw XummError.invalidRequest("not offered by this platform") }
    public func transaction(txid: String) async throws -> XRPLTransactionReport { throw XummError.invalidRequest("not offered by this platform") }
    public func kycStatus(userToken: String) async throws -> KYCStatusResponse { throw XummError.invalidRequest("not offered by this platform") }
    public func accountMeta(account: String) async throws -> AccountMeta { throw XummError.invalidRequest("not offered by this platform") }
    public func rails() async throws -> [String: NetworkRail] { throw XummError.invalidRequest("not offered by this platform") }

    public func followStatus(uuid: String, websocketURL: String, settings: PayloadStatusStream.Settings,
                             onEvent: @escaping @Sendable (StatusStreamEvent) async -> Void) async {
        for await event in statusEvents(uuid: uuid, websocketURL: websocketURL, settings: settings) { await onEvent(event) }
    }
}

extension XummClient: XummAPI {
    public func notify(_ request: XAppPushRequest, asEvent: Bool) async throws -> XAppPushResult {
        asEvent ? try await xappEvent(request) : try await xappPush(request)
    }

    public func createPayload(_ request: PayloadCreateRequest) async throws -> PayloadCreateResponse {
        try await createPayload(request, maxAttempts: 3)
    }

    public func statusEvents(uuid: String, websocketURL: String, settings: PayloadStatusStream.Settings) -> AsyncStream<StatusStreamEvent> {
        PayloadStatusStream(client: self, uuid: uuid, websocketURL: websocketURL, settings: settings).events()
    }

    public func followStatus(uuid: String, websocketURL: String, settings: PayloadStatusStream.Settings,
                             onEvent: @escaping @Sendable (StatusStreamEvent) async -> Void) async {
        await PayloadStatusStream(client: self, uuid: uuid, websocketURL: websocketURL, settings: settings).follow(onEvent)
    }
}
