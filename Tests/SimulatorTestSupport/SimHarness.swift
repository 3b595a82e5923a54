import AsyncHTTPClient
import Foundation
import NIOCore
import XummPlatform
import XummSimulator

/// Starts a fast simulator on a free loopback port and talks to it.
public struct SimHarness: Sendable {
    public static let key = "00000000-0000-4000-8000-0000000000aa"
    public static let secret = "00000000-0000-4000-8000-0000000000bb"

    public let sim: XummSimulator
    public let client: XummClient

    public static func start(timeScale: Double = 0.05, webhookURL: String? = nil, enforceRateLimit: Bool = false, rateLimit: Int = 30,
                             xapp: Bool = true) async throws -> SimHarness {
        let cfg = SimulatorConfig(apiKey: key, apiSecret: secret, webhookURL: webhookURL, timeScale: timeScale,
                                  enforceRateLimit: enforceRateLimit, rateLimitPerMinute: rateLimit, defaultExpireMinutes: 2,
                                  xappEnabled: xapp)
        let sim = try XummSimulator(config: cfg)
        try await sim.start()
        let client = XummClient(baseURL: sim.apiBaseURL, credentials: XummCredentials(apiKey: key, apiSecret: secret), timeout: .seconds(5))
        return SimHarness(sim: sim, client: client)
    }

    public func stop() async { await sim.stop() }

    public func token(of name: String) async -> String {
        await sim.users().first { $0.name == name }!.userToken!
    }

    /// A payment request for `user`.
    public func payment(user: String?, identifier: String? = nil, expire: Int? = nil) async throws -> PayloadCreateRequest {
        let tx = try TxJSON(text: #"{"TransactionType":"Payment","Destination":"rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh","Amount":"1000000"}"#)
        var token: String?
        if let user { token = await self.token(of: user) }
        return PayloadCreateRequest(txjson: tx, userToken: token, options: PayloadOptions(expire: expire),
                                    customMeta: identifier.map { CustomMeta(identifier: $0) })
    }

    /// Follows the status stream to its final event. `openedGrace`: how long to wait for a late
    /// signature after an opened payload expired (short by default, so "opens, never decides" ends quickly).
    public func final(_ created: PayloadCreateResponse, openedGrace: Duration = .seconds(1)) async -> StatusStreamEvent {
        var settings = PayloadStatusStream.Settings()
        settings.openedGrace = openedGrace
        settings.pingInterval = .milliseconds(200)
        settings.initialBackoff = .milliseconds(50)
        let stream = PayloadStatusStream(client: client, uuid: created.uuid, websocketURL: created.refs.websocketStatus, settings: settings)
        return await withHangGuard { await stream.finalState() } ?? .failed("hang guard")
    }

    /// Raw HTTP against the simulator (control API, wrong-shape bodies).
    public func http(_ method: String, _ path: String, body: String? = nil, headers: [String: String] = [:], auth: Bool = false) async throws -> (status: Int, headers: [String: String], body: Data) {
        var req = HTTPClientRequest(url: sim.baseURL + path)
        req.method = .init(rawValue: method)
        if auth { req.headers.add(name: "X-API-Key", value: Self.key); req.headers.add(name: "X-API-Secret", value: Self.secret) }
        for (k, v) in headers { req.headers.add(name: k, value: v) }
        if let body { req.headers.add(name: "content-type", value: "application/json"); req.body = .bytes(ByteBuffer(string: body)) }
        let res = try await HTTPClient.shared.execute(req, timeout: .seconds(10))
        let data = Data(try await res.body.collect(upTo: 1 << 22).readableBytesView)
        var h: [String: String] = [:]
        for f in res.headers { h[f.name.lowercased()] = f.value }
        return (Int(res.status.code), h, data)
    }

    public func simPayloads() async throws -> [SimPayloadInfo] {
        try JSONDecoder().decode([SimPayloadInfo].self, from: try await http("GET", "/_sim/payloads").body)
    }
}

/// Runs `body` but gives up after `seconds` (a hang guard, not a timing assertion).
public func withHangGuard<T: Sendable>(seconds: Double = 30, _ body: @escaping @Sendable () async -> T) async -> T? {
    await withTaskGroup(of: T?.self) { group in
        group.addTask { await body() }
        group.addTask { try? await Task.sleep(for: .seconds(seconds)); return nil }
        let first = await group.next() ?? nil
        group.cancelAll()
        return first
    }
}

extension StatusStreamEvent {
    public var finalState: PayloadFinalState? { if case .final(let s) = self { return s }; return nil }
}
