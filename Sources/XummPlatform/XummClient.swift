import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// REST client for the Xumm platform API (`https://xumm.app/api/v1/platform` by default, or the
/// embedded simulator). Every error thrown is an ``XummError``; none contains the API secret.
public final class XummClient: Sendable {
    public static let defaultBaseURL = "https://xumm.app/api/v1/platform"

    /// API base, without a trailing slash.
    public let baseURL: String
    private let credentials: XummCredentials
    private let http: HTTPClient
    private let timeout: TimeAmount
    private let onRequest: @Sendable (RequestLogEvent) -> Void
    private let rateLimitBox = RateLimitBox(RateLimitStatus())
    private let serverClockBox = Locked<ServerClockReading?>(nil)

    /// - Parameters:
    ///   - onRequest: called once per API call (for the request log); runs on a NIO thread, keep it cheap.
    public init(baseURL: String = XummClient.defaultBaseURL, credentials: XummCredentials, httpClient: HTTPClient = .shared,
                timeout: TimeAmount = .seconds(10), onRequest: @escaping @Sendable (RequestLogEvent) -> Void = { _ in }) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.credentials = credentials
        self.http = httpClient
        self.timeout = timeout
        self.onRequest = onRequest
    }

    /// The last rate-limit figures seen on any response.
    public var rateLimit: RateLimitStatus { rateLimitBox.value }

    /// The platform's `Date` header on the last answer that had one (errors included, so a refused
    /// ping still tells the platform's time), with when that request was sent and answered.
    public var serverClock: ServerClockReading? { serverClockBox.value }

    // MARK: Endpoints

    /// `GET /ping`: the application behind the credentials.
    public func ping() async throws -> Pong {
        try await send("GET", "/ping", as: Pong.self)
    }

    /// `GET /payload/{uuid}`.
    public func payload(uuid: String) async throws -> XummPayload {
        try await send("GET", "/payload/\(Self.escape(uuid))", as: XummPayload.self, notFound: "payload \(uuid)")
    }

    /// `GET /payload/ci/{identifier}`.
    public func payload(identifier: String) async throws -> XummPayload {
        try await send("GET", "/payload/ci/\(Self.escape(identifier))", as: XummPayload.self, notFound: "payload with identifier \(identifier)")
    }

    /// `DELETE /payload/{uuid}`.
    public func cancel(uuid: String) async throws -> PayloadCancelResponse {
        try await send("DELETE", "/payload/\(Self.escape(uuid))", as: PayloadCancelResponse.self, notFound: "payload \(uuid)")
    }

    /// `POST /user-tokens`: which tokens are still active. Malformed tokens are silently dropped by the platform.
    public func verifyUserTokens(_ tokens: [String]) async throws -> [UserTokenStatus] {
        guard !tokens.isEmpty else { return [] }
        let body = try JSONEncoder().encode(["tokens": tokens])
        return try await send("POST", "/user-tokens", body: body, as: UserTokensResponse.self).tokens
    }

    /// `GET /user-token/{token}`.
    public func userToken(_ token: String) async throws -> UserTokenStatus {
        let r = try await send("GET", "/user-token/\(Self.escape(token))", as: UserTokensResponse.self, notFound: "user token")
        guard let first = r.tokens.first else { throw XummError.notFound(what: "user token", reference: nil) }
        return first
    }

    /// `POST /xapp/push`: a notification that opens the application's xApp; no sign request.
    public func xappPush(_ request: XAppPushRequest) async throws -> XAppPushResult {
        try await send("POST", "/xapp/push", body: Self.encode(request), as: XAppPushResult.self)
    }

    /// `POST /xapp/event`: like a push, and the event stays in the user's event list (`uuid`).
    public func xappEvent(_ request: XAppPushRequest) async throws -> XAppPushResult {
        try await send("POST", "/xapp/event", body: Self.encode(request), as: XAppPushResult.self)
    }

    /// `POST /kyc-status`: the KYC state of a token's user (`NONE` also for a token it does not know).
    public func kycStatus(userToken: String) async throws -> KYCStatusResponse {
        try await send("POST", "/kyc-status", body: Self.encode(["user_token": userToken]), as: KYCStatusResponse.self)
    }

    /// `GET /kyc-status/{account}`.
    public func kycStatus(account: String) async throws -> KYCAccountInfo {
        try await send("GET", "/kyc-status/\(Self.escape(account))", as: KYCAccountInfo.self, notFound: "account \(account)")
    }

    /// `GET /xrpl-tx/{txid}`: a MAINNET transaction's outcome and balance changes (60 calls a minute).
    public func transaction(txid: String) async throws -> XRPLTransactionReport {
        try await send("GET", "/xrpl-tx/\(Self.escape(txid))", as: XRPLTransactionReport.self, notFound: "transaction \(txid)")
    }

    /// `GET /rails`: the networks the platform knows, by key (`MAINNET`, `TESTNET`, ...).
    public func rails() async throws -> [String: NetworkRail] {
        try await send("GET", "/rails", as: [String: NetworkRail].self)
    }

    /// `GET /account-meta/{account}`.
    public func accountMeta(account: String) async throws -> AccountMeta {
        try await send("GET", "/account-meta/\(Self.escape(account))", as: AccountMeta.self, notFound: "account \(account)")
    }

    /// `GET /curated-assets`.
    public func curatedAssets() async throws -> CuratedAssets {
        try await send("GET", "/curated-assets", as: CuratedAssets.self)
    }

    /// `POST /payload`, exactly once per `custom_meta.identifier`.
    ///
    /// When the call fails without a definite answer (timeout, dropped connection, 5xx) and the request
    /// carries an identifier, the identifier is looked up with `GET /payload/ci/{identifier}` before any
    /// retry, so one identifier never yields two payloads.
    public func createPayload(_ request: PayloadCreateRequest, maxAttempts: Int) async throws -> PayloadCreateResponse {
        // No local refusal on `X-RateLimit-Remaining: 0`: the platform is the authority (a 429 comes back
        // as `.rateLimited`); callers pace creates with `rateLimit` (see the console's CreatePacer).
        let body = try Self.wireBody(request)
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try await send("POST", "/payload", body: body, as: PayloadCreateResponse.self)
            } catch let error as XummError where error.isIndefinite {
                guard let identifier = request.customMeta?.identifier else {
                    // Without an identifier a retry could duplicate the payload: surface the error.
                    throw error
                }
                if let existing = try await lookUpAfterIndefiniteCreate(identifier: identifier) {
                    return existing
                }
                if attempt >= maxAttempts { throw error }
                try? await Task.sleep(for: .milliseconds(200 * attempt * attempt))
            }
        }
    }

    private func lookUpAfterIndefiniteCreate(identifier: String) async throws -> PayloadCreateResponse? {
        // The lookup itself may fail indefinitely; try it a few times before giving up.
        var lastError: XummError = .transport("lookup not attempted")
        for attempt in 1...3 {
            do {
                let found = try await payload(identifier: identifier)
                return responseForExisting(found)
            } catch let error as XummError {
                if case .notFound = error { return nil }
                lastError = error
                if !error.isIndefinite { throw error }
                try? await Task.sleep(for: .milliseconds(150 * attempt))
            }
        }
        throw lastError
    }

    /// Rebuilds the create answer for a payload found by identifier (the platform's URL scheme:
    /// `{host}/sign/{uuid}` for the deep link and the websocket).
    public func responseForExisting(_ p: XummPayload) -> PayloadCreateResponse {
        let origin = Self.origin(of: baseURL)
        let wsOrigin = origin.replacingOccurrences(of: "https://", with: "wss://").replacingOccurrences(of: "http://", with: "ws://")
        let uuid = p.meta.uuid
        return PayloadCreateResponse(
            uuid: uuid,
            next: .init(always: "\(origin)/sign/\(uuid)"),
            refs: .init(qrPNG: "\(origin)/sign/\(uuid)_q.png", qrMatrix: "\(origin)/sign/\(uuid)_q.json", websocketStatus: "\(wsOrigin)/sign/\(uuid)"),
            pushed: p.meta.pushed)
    }

    // MARK: Transport

    static func encode<T: Encodable>(_ value: T) throws -> Data {
        do { return try JSONEncoder().encode(value) } catch { throw XummError.invalidRequest("could not encode the request: \(error)") }
    }

    static func wireBody(_ request: PayloadCreateRequest) throws -> Data {
        guard (request.txjson == nil) != (request.txblob == nil) else {
            throw XummError.invalidRequest("exactly one of txjson or txblob is required")
        }
        do { return try request.wireBody() } catch { throw XummError.invalidRequest("could not encode the payload: \(error)") }
    }

    private func send<T: Decodable>(_ method: String, _ path: String, body: Data? = nil, as type: T.Type, notFound: String = "resource") async throws -> T {
        let started = Date()
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = HTTPMethod(rawValue: method)
        request.headers.add(name: "X-API-Key", value: credentials.apiKey)
        request.headers.add(name: "X-API-Secret", value: credentials.apiSecret)
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "pushdesk")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        var status: Int?
        var limits = RateLimitStatus()
        do {
            let response: HTTPClientResponse
            let data: Data
            do {
                response = try await http.execute(request, timeout: timeout)
                let buffer = try await response.body.collect(upTo: 8 * 1024 * 1024)
                data = Data(buffer.readableBytesView)
            } catch {
                throw XummError.transport(Self.describeTransport(error))
            }
            status = Int(response.status.code)
            if let date = response.headers.first(name: "Date") {
                serverClockBox.value = ServerClockReading(header: date, sentAt: started, receivedAt: Date())
            }
            limits = RateLimitStatus(limit: response.headers.first(name: "X-RateLimit-Limit").flatMap { Int($0) },
                                     remaining: response.headers.first(name: "X-RateLimit-Remaining").flatMap { Int($0) },
                                     observedAt: Date())
            if limits.limit != nil || limits.remaining != nil { rateLimitBox.value = limits }
            let result: T = try Self.interpret(status: Int(response.status.code), headers: response.headers, data: data, notFound: notFound)
            log(method, path, status, started, limits, nil)
            return result
        } catch let error as XummError {
            log(method, path, status, started, limits, error.description)
            throw error
        }
    }

    private func log(_ method: String, _ path: String, _ status: Int?, _ started: Date, _ limits: RateLimitStatus, _ error: String?) {
        onRequest(RequestLogEvent(at: started, method: method, path: path, status: status, latencyMs: Date().timeIntervalSince(started) * 1000,
                                  rateLimitLimit: limits.limit, rateLimitRemaining: limits.remaining, error: error))
    }

    /// Maps an HTTP answer to a value or a typed error.
    static func interpret<T: Decodable>(status: Int, headers: HTTPHeaders, data: Data, notFound: String) throws -> T {
        let platformError = try? JSONDecoder().decode(PlatformErrorBody.self, from: WireDecoding.strippingBOM(data))
        switch status {
        case 200..<300:
            if let platformError, platformError.code != nil { throw mapError(status: status, body: platformError, headers: headers, notFound: notFound) }
            return try WireDecoding.decode(T.self, from: data)
        default:
            throw mapError(status: status, body: platformError, headers: headers, notFound: notFound)
        }
    }

    static func mapError(status: Int, body: PlatformErrorBody?, headers: HTTPHeaders, notFound: String) -> XummError {
        let code = body?.code
        if status == 403 || code == 813 { return .credentialsRefused(reference: body?.reference) }
        if status == 429 {
            return .rateLimited(limit: headers.first(name: "X-RateLimit-Limit").flatMap { Int($0) },
                                remaining: headers.first(name: "X-RateLimit-Remaining").flatMap { Int($0) },
                                retryAfter: headers.first(name: "Retry-After").flatMap { Int($0) })
        }
        if status == 404 || code == 404 { return .notFound(what: notFound, reference: body?.reference) }
        if status >= 500 { return .server(status: status, code: code, reference: body?.reference) }
        return .platform(status: status, code: code, reference: body?.reference, message: body?.message)
    }

    static func describeTransport(_ error: Error) -> String {
        if let e = error as? HTTPClientError {
            switch e {
            case .deadlineExceeded, .readTimeout, .connectTimeout: return "timed out"
            case .remoteConnectionClosed: return "connection closed by the server"
            default: return "\(e)"
            }
        }
        if let e = error as? ChannelError {
            if case .connectTimeout = e { return "connect timed out" }
            return "\(e)"
        }
        let s = "\(error)"
        if s.contains("connectionRefused") || s.contains("Connection refused") { return "connection refused" }
        return s
    }

    static func escape(_ component: String) -> String {
        component.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? component
    }

    /// `scheme://host[:port]` of a URL string.
    static func origin(of url: String) -> String {
        guard let c = URLComponents(string: url), let scheme = c.scheme, let host = c.host else { return url }
        return "\(scheme)://\(host)\(c.port.map { ":\($0)" } ?? "")"
    }
}

/// Thread-safe holder for the latest rate-limit figures.
typealias RateLimitBox = Locked<RateLimitStatus>
