import Foundation
import Logging
import XummPlatform

/// The simulated platform's state and the users' behaviour. Every mutation goes through this actor.
actor SimulatorEngine {
    let config: SimulatorConfig
    let hub = StatusHub()
    let faults = FaultBoard()
    let clock = SimulatorClock()
    let webhooks: WebhookSender
    let logger: Logger
    let appUUID = UUID().uuidString.lowercased()
    let appName: String

    private(set) var users: [SimulatedUser]
    private(set) var payloads: [String: SimPayload] = [:]
    /// xApp events sent with `POST /xapp/event`, newest last (the users' event lists).
    var xappEvents: [SimXAppEvent] = []
    private var order: [String] = []
    private var byIdentifier: [String: String] = [:]
    private var createTimes: [Date] = []
    private var tasks: [Task<Void, Never>] = []
    private(set) var webhookURL: String?
    /// `http://host:port`, set once listening.
    var origin = ""

    init(config: SimulatorConfig, users: [SimulatedUser], appName: String?, logger: Logger) {
        self.config = config
        self.users = users
        self.appName = appName ?? config.applicationName
        self.webhookURL = config.webhookURL
        self.logger = logger
        self.webhooks = WebhookSender(apiSecret: config.apiSecret, timeScale: config.timeScale, clock: clock, logger: logger)
    }

    func setOrigin(_ o: String) { origin = o }
    func setWebhookURL(_ url: String?) { webhookURL = url }

    // MARK: Time

    /// A platform delay in real time.
    nonisolated func scaled(_ seconds: Double) -> Duration { .milliseconds(Int(max(0, seconds * config.timeScale * 1000))) }

    /// The `expires_in_seconds` period (15 s on the platform).
    nonisolated var tickPeriod: Duration { .milliseconds(max(50, Int(15_000 * config.timeScale))) }

    // MARK: Rate limit

    /// Creates left in the current minute.
    func rateLimitRemaining(now: Date = Date()) -> Int {
        createTimes.removeAll { now.timeIntervalSince($0) >= 60 }
        return max(0, config.rateLimitPerMinute - createTimes.count)
    }

    // MARK: Application

    var application: PayloadApplication {
        PayloadApplication(name: appName, description: "Simulated Xumm application", disabled: false, uuidv4: appUUID,
                           iconURL: "\(origin)/icon.png", issuedUserToken: nil)
    }

    func pong() -> Pong {
        Pong(auth: .init(quota: .object([:]), application: .init(uuidv4: appUUID, name: appName, webhookurl: webhookURL ?? "", redirecturis: []),
                         call: .init(uuidv4: UUID().uuidString.lowercased())))
    }

    // MARK: Payloads

    enum CreateFailure: Error { case refused(PlatformRefusal), rateLimited }

    /// `POST /payload`.
    func create(body: Data) throws(CreateFailure) -> PayloadCreateResponse {
        let now = Date()
        if config.enforceRateLimit, rateLimitRemaining(now: now) <= 0 { throw .rateLimited }
        let v: (request: PayloadCreateRequest, txType: String, requestJSON: JSONValue)
        do { v = try CreateValidation.validate(body) } catch { throw .refused(error) }
        if let id = v.request.customMeta?.identifier, byIdentifier[id] != nil { throw .refused(.duplicateIdentifier(id)) }
        let uuid = insert(v.request, txType: v.txType, requestJSON: v.requestJSON, now: now)
        return createResponse(uuid)
    }

    private func insert(_ request: PayloadCreateRequest, txType: String, requestJSON: JSONValue, now: Date) -> String {
        createTimes.append(now)
        let uuid = UUID().uuidString.lowercased()
        let user = request.userToken.flatMap { t in users.first { $0.userToken == t } }
        let pushed = user?.tokenActive(at: now) ?? false
        let minutes = Double(max(1, request.options?.expire ?? config.defaultExpireMinutes))
        let expiresAt = now.addingTimeInterval(minutes * 60 * config.timeScale)
        let p = SimPayload(uuid: uuid, request: request, txType: txType, requestJSON: requestJSON, createdAt: now, expiresAt: expiresAt,
                           userToken: request.userToken, pushedTo: pushed ? user?.name : nil, pushed: pushed)
        payloads[uuid] = p
        order.append(uuid)
        if let id = request.customMeta?.identifier { byIdentifier[id] = uuid }
        logger.info("payload created", metadata: ["uuid": "\(uuid)", "type": "\(txType)", "pushed": "\(pushed)", "user": "\(user?.name ?? "-")"])
        schedule(p, user: pushed ? user : nil)
        return uuid
    }

    func createResponse(_ uuid: String) -> PayloadCreateResponse {
        let ws = origin.replacingOccurrences(of: "http://", with: "ws://")
        return PayloadCreateResponse(uuid: uuid, next: .init(always: "\(origin)/sign/\(uuid)"),
                                     refs: .init(qrPNG: "\(origin)/sign/\(uuid)_q.png", qrMatrix: "\(origin)/sign/\(uuid)_q.json",
                                                 websocketStatus: "\(ws)/sign/\(uuid)"),
                                     pushed: payloads[uuid]?.pushed ?? false)
    }

    func payload(uuid: String) -> XummPayload? {
        payloads[uuid].map { $0.wire(application: application, now: Date()) }
    }

    func payload(identifier: String) -> XummPayload? {
        byIdentifier[identifier].flatMap { payload(uuid: $0) }
    }

    func record(_ uuid: String) -> SimPayload? { payloads[uuid] }

    var allPayloads: [SimPayload] { order.compactMap { payloads[$0] } }

    /// `DELETE /payload/{uuid}`.
    func cancel(uuid: String) -> PayloadCancelResponse? {
        guard var p = payloads[uuid] else { return nil }
        let reason: CancelReason
        if p.cancelled { reason = .alreadyCancelled }
        else if p.resolved { reason = .alreadyResolved }
        else if p.expired { reason = .alreadyExpired }
        else if p.opened { reason = .alreadyOpened }
        else { reason = .ok }
        if reason == .ok {
            p.cancelled = true
            p.expired = true
            payloads[uuid] = p
            hub.publish(uuid, .expired)
        }
        return PayloadCancelResponse(result: .init(cancelled: reason == .ok, reason: reason), meta: p.meta(), customMeta: p.request.customMeta ?? CustomMeta())
    }

    // MARK: Lifecycle

    private func schedule(_ p: SimPayload, user: SimulatedUser?) {
        let uuid = p.uuid
        let untilExpiry = p.expiresAt.timeIntervalSinceNow
        tasks.append(Task {
            try? await Task.sleep(for: .milliseconds(Int(max(0, untilExpiry) * 1000)))
            await self.expire(uuid)
        })
        guard let user else { return }
        let after = user.afterSeconds
        let name = user.name
        let openAt = scaled(min(1, after * 0.3))
        let hub = self.hub
        // A user acts only once the push reached the phone: after a watcher connected, or after at most
        // 2 s (and never more than a third of the payload's life).
        let arrivalLimit = Duration.milliseconds(Int(min(2, max(0, untilExpiry) / 3) * 1000))
        let arrival: @Sendable () async -> Void = { await hub.waitForSubscriber(uuid, limit: arrivalLimit) }
        switch user.behaviour {
        case .sign, .reject:
            let sign = user.behaviour == .sign
            tasks.append(Task {
                await arrival()
                try? await Task.sleep(for: openAt)
                await self.open(uuid)
                try? await Task.sleep(for: self.scaled(after) - openAt)
                if sign { await self.sign(uuid, by: name) } else { await self.reject(uuid, by: name) }
            })
        case .open:
            tasks.append(Task {
                await arrival()
                try? await Task.sleep(for: self.scaled(after))
                await self.open(uuid)
            })
        case .signLate:
            tasks.append(Task {
                await arrival()
                try? await Task.sleep(for: openAt)
                await self.open(uuid)
                try? await Task.sleep(for: .milliseconds(Int(max(0, untilExpiry) * 1000)) + self.scaled(after))
                await self.sign(uuid, by: name, afterExpiry: true)
            })
        case .ignore, .offline:
            break
        }
    }

    enum ActionError: Error, CustomStringConvertible {
        case notFound, notLive(String), unknownUser(String)
        var description: String {
            switch self {
            case .notFound: "no such payload"
            case .notLive(let state): "the payload is already \(state)"
            case .unknownUser(let n): "no user named \(n)"
            }
        }
    }

    /// The user opens the payload in the app.
    @discardableResult
    func open(_ uuid: String) -> Result<Void, ActionError> {
        guard var p = payloads[uuid] else { return .failure(.notFound) }
        guard p.isLive else { return .failure(.notLive(p.state)) }
        guard !p.opened else { return .success(()) }
        p.opened = true
        payloads[uuid] = p
        publish(uuid, [.opened, .devappFetched])
        return .success(())
    }

    /// The user signs. `afterExpiry` allows a payload opened before its expiry to be signed after it.
    @discardableResult
    func sign(_ uuid: String, by userName: String?, afterExpiry: Bool = false) -> Result<Void, ActionError> {
        guard var p = payloads[uuid] else { return .failure(.notFound) }
        let allowed = p.isLive || (afterExpiry && p.expired && p.opened && !p.cancelled && !p.resolved)
        guard allowed else { return .failure(.notLive(p.state)) }
        guard let ui = userIndex(for: p, named: userName) else { return .failure(.unknownUser(userName ?? "?")) }
        var messages: [StatusMessage] = p.opened ? [] : [.opened, .devappFetched]
        let now = Date()
        var user = users[ui]
        if !user.tokenActive(at: now) {
            user.userToken = UUID().uuidString.lowercased()
            user.tokenIssued = now
            user.revoked = false
        }
        user.lastSigned = now
        users[ui] = user
        p.opened = true
        p.resolved = true
        p.signed = true
        p.resolvedAt = now
        p.signerName = user.name
        p.signerAccount = user.account
        p.txid = Self.randomHex(32).uppercased()
        p.hex = "12" + Self.randomHex(120).uppercased()
        p.issuedUserToken = user.userToken
        p.deviceUser = Self.deviceID(user.name)
        payloads[uuid] = p
        messages += [.preSigned, .dispatched, .resolved(resolution(p))]
        publish(uuid, messages)
        logger.info("payload signed", metadata: ["uuid": "\(uuid)", "user": "\(user.name)"])
        sendWebhook(p, user: user)
        return .success(())
    }

    /// The user rejects.
    @discardableResult
    func reject(_ uuid: String, by userName: String?) -> Result<Void, ActionError> {
        guard var p = payloads[uuid] else { return .failure(.notFound) }
        guard p.isLive else { return .failure(.notLive(p.state)) }
        let user = userIndex(for: p, named: userName).map { users[$0] }
        var messages: [StatusMessage] = p.opened ? [] : [.opened, .devappFetched]
        p.opened = true
        p.resolved = true
        p.resolvedAt = Date()
        p.signerName = user?.name
        p.deviceUser = user.map { Self.deviceID($0.name) }
        payloads[uuid] = p
        messages.append(.resolved(resolution(p)))
        publish(uuid, messages)
        logger.info("payload rejected", metadata: ["uuid": "\(uuid)"])
        sendWebhook(p, user: nil)
        return .success(())
    }

    /// The payload's time is up (or a test forces it).
    @discardableResult
    func expire(_ uuid: String) -> Result<Void, ActionError> {
        guard var p = payloads[uuid] else { return .failure(.notFound) }
        guard p.isLive else { return .failure(.notLive(p.state)) }
        p.expired = true
        payloads[uuid] = p
        publish(uuid, [.expired])
        return .success(())
    }

    /// What a socket opened now learns at once about an already finished payload.
    func replay(_ uuid: String) -> [StatusMessage] {
        guard let p = payloads[uuid] else { return [] }
        if p.resolved { return [.resolved(resolution(p))] }
        if p.expired || p.cancelled { return [.expired] }
        return []
    }

    private func userIndex(for p: SimPayload, named: String?) -> Int? {
        if let named { return users.firstIndex { $0.name == named } }
        if let token = p.userToken, let i = users.firstIndex(where: { $0.userToken == token }) { return i }
        return users.isEmpty ? nil : 0
    }

    private func resolution(_ p: SimPayload) -> StatusMessage.Resolution {
        StatusMessage.Resolution(payloadUUID: p.uuid, referenceCallUUID: UUID().uuidString.lowercased(), signed: p.signed,
                                 userToken: p.signed && p.issuedUserToken != nil, txid: p.txid, openedByDeeplink: !p.pushed,
                                 returnURL: ReturnURL(app: p.request.options?.returnURL?.app, web: p.request.options?.returnURL?.web),
                                 customMeta: p.request.customMeta ?? CustomMeta())
    }

    private func publish(_ uuid: String, _ messages: [StatusMessage]) {
        for m in messages { hub.publish(uuid, m) }
    }

    private func sendWebhook(_ p: SimPayload, user: SimulatedUser?) {
        guard let url = webhookURL else { return }
        var token: WebhookBody.UserToken?
        if p.signed, let user, let t = user.userToken {
            token = .init(userToken: t, tokenIssued: user.tokenIssued.map { Int($0.timeIntervalSince1970) },
                          tokenExpiration: user.tokenExpiration.map { Int($0.timeIntervalSince1970) })
        }
        let body = WebhookBody(
            meta: .init(url: url, applicationUUID: appUUID, payloadUUID: p.uuid, openedByDeeplink: !p.pushed),
            customMeta: p.request.customMeta ?? CustomMeta(),
            payloadResponse: .init(payloadUUID: p.uuid, referenceCallUUID: UUID().uuidString.lowercased(), signed: p.signed,
                                   userToken: p.signed && token != nil,
                                   returnURL: ReturnURL(app: p.request.options?.returnURL?.app, web: p.request.options?.returnURL?.web),
                                   txid: p.txid),
            userToken: token)
        let copies = faults.take("webhook", kinds: [.duplicate]) != nil ? 2 : 1
        let sender = webhooks
        tasks.append(Task { await sender.send(body, to: url, copies: copies) })
    }

    // MARK: Users

    /// A user token is a UUID (8-4-4-4-12 hex digits).
    static func isWellFormedToken(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        return parts.map(\.count) == [8, 4, 4, 4, 12] && parts.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    /// `POST /user-tokens`: malformed tokens are dropped; unknown well-formed ones are inactive.
    func verify(tokens: [String]) -> [UserTokenStatus] {
        let now = Date()
        return tokens.filter(Self.isWellFormedToken).map { token in
            guard let u = users.first(where: { $0.userToken == token }) else { return UserTokenStatus(userToken: token, active: false) }
            return UserTokenStatus(userToken: token, active: u.tokenActive(at: now), issued: u.tokenIssued.map { Int($0.timeIntervalSince1970) },
                                   expires: u.tokenExpiration.map { Int($0.timeIntervalSince1970) })
        }
    }

    func setBehaviour(_ name: String, behaviour: UserBehaviour, afterSeconds: Double?) -> SimulatedUser? {
        guard let i = users.firstIndex(where: { $0.name == name }) else { return nil }
        users[i].behaviour = behaviour
        if let afterSeconds { users[i].afterSeconds = afterSeconds }
        return users[i]
    }

    /// A first "sign in by QR": adds the user, creates a SignIn payload, the user opens and signs it
    /// (issuing a fresh token and firing its webhook). Returns once signed.
    func addUser(name: String, account: String?, behaviour: UserBehaviour, afterSeconds: Double) async -> (SimulatedUser, String)? {
        guard !users.contains(where: { $0.name == name }) else { return nil }
        users.append(SimulatedUser(name: name, account: account ?? ClassicAddress.random(), userToken: nil, tokenIssued: nil, lastSigned: nil,
                                   behaviour: behaviour, afterSeconds: afterSeconds, note: "signed in by QR"))
        let request = PayloadCreateRequest(txjson: TxJSON(value: .object(["TransactionType": .string("SignIn")])),
                                           customMeta: CustomMeta(instruction: "Sign in to \(appName)"))
        let uuid = insert(request, txType: "SignIn", requestJSON: .object(["TransactionType": .string("SignIn")]), now: Date())
        try? await Task.sleep(for: scaled(0.5))
        open(uuid)
        try? await Task.sleep(for: scaled(0.5))
        sign(uuid, by: name)
        guard let user = users.first(where: { $0.name == name }) else { return nil }
        return (user, uuid)
    }

    // MARK: Shutdown

    func stop() async {
        for t in tasks { t.cancel() }
        tasks = []
        await webhooks.cancelAll()
        hub.finishAll()
    }

    // MARK: Helpers

    static func randomHex(_ bytes: Int) -> String {
        var rng = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &rng)) }.joined()
    }

    /// A stable per-user device id (`response.user`).
    static func deviceID(_ name: String) -> String {
        var h: UInt64 = 1469598103934665603
        for b in name.utf8 { h = (h ^ UInt64(b)) &* 1099511628211 }
        let hex = String(format: "%016llx", h)
        return "\(hex.prefix(8))-\(hex.dropFirst(8).prefix(4))-4\(hex.dropFirst(12).prefix(3))-8\(hex.prefix(3))-\(hex.suffix(12))"
    }
}
