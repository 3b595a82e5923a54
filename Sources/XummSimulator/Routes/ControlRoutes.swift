import Foundation
import Hummingbird
import XummPlatform

/// The control API under `/_sim/` (no credentials: loopback tooling for tests and demos).
struct ControlRoutes {
    let engine: SimulatorEngine

    struct AddUser: Decodable {
        var name: String
        var account: String?
        var behaviour: UserBehaviour?
        var afterSeconds: Double?
        enum CodingKeys: String, CodingKey { case name, account, behaviour; case afterSeconds = "after_seconds" }
    }
    struct SetBehaviour: Decodable {
        var behaviour: UserBehaviour
        var afterSeconds: Double?
        enum CodingKeys: String, CodingKey { case behaviour; case afterSeconds = "after_seconds" }
    }
    struct ActionBody: Decodable { var user: String? }
    struct Clock: Codable {
        var skewSeconds: Double
        enum CodingKeys: String, CodingKey { case skewSeconds = "skew_seconds" }
    }
    struct AddedUser: Encodable {
        var user: SimUserInfo
        var payloadUUID: String
        enum CodingKeys: String, CodingKey { case user; case payloadUUID = "payload_uuidv4" }
    }

    func register(on router: Router<BasicRequestContext>) {
        let sim = router.group("_sim")
        sim.get("users") { _, _ in Reply.json(await engine.users.map { SimUserInfo($0) }) }
        sim.post("users") { request, _ in
            guard let body: AddUser = try await Self.decode(request) else { return Self.bad("expected {\"name\":...}") }
            guard let added = await engine.addUser(name: body.name, account: body.account, behaviour: body.behaviour ?? .sign,
                                                   afterSeconds: body.afterSeconds ?? 3) else {
                return Self.bad("a user named \(body.name) already exists", status: .conflict)
            }
            return Reply.json(AddedUser(user: SimUserInfo(added.0), payloadUUID: added.1), status: .created)
        }
        let setBehaviour: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, context in
            let name = context.parameters.get("name") ?? ""
            guard let body: SetBehaviour = try await Self.decode(request) else { return Self.bad("expected {\"behaviour\":...}") }
            guard let user = await engine.setBehaviour(name, behaviour: body.behaviour, afterSeconds: body.afterSeconds) else {
                return Self.bad("no user named \(name)", status: .notFound)
            }
            return Reply.json(SimUserInfo(user))
        }
        sim.post("users/:name/behaviour", use: setBehaviour)
        sim.put("users/:name/behaviour", use: setBehaviour)
        sim.get("payloads") { _, _ in Reply.json(await engine.allPayloads.map(SimPayloadInfo.init)) }
        sim.get("events") { _, _ in Reply.json(await engine.xappEvents) }
        sim.post("payloads/:uuid/:action") { request, context in
            let uuid = context.parameters.get("uuid") ?? ""
            let user = (try await Self.decode(request) as ActionBody?)?.user
            let result: Result<Void, SimulatorEngine.ActionError>
            switch context.parameters.get("action") ?? "" {
            case "open": result = await engine.open(uuid)
            case "sign": result = await engine.sign(uuid, by: user, afterExpiry: true)
            case "reject": result = await engine.reject(uuid, by: user)
            case "expire": result = await engine.expire(uuid)
            default: return Self.bad("action must be open, sign, reject or expire", status: .notFound)
            }
            switch result {
            case .success:
                guard let p = await engine.record(uuid) else { return Self.bad("no such payload", status: .notFound) }
                return Reply.json(SimPayloadInfo(p))
            case .failure(let e):
                if case .notFound = e { return Self.bad(e.description, status: .notFound) }
                return Self.bad(e.description, status: .conflict)
            }
        }
        sim.get("faults") { _, _ in Reply.json(engine.faults.list) }
        sim.post("faults") { request, _ in
            guard let spec: FaultSpec = try await Self.decode(request) else { return Self.bad("expected {\"route\":...,\"kind\":...}") }
            engine.faults.add(spec)
            return Reply.json(engine.faults.list, status: .created)
        }
        sim.delete("faults") { _, _ in
            engine.faults.clear()
            return Reply.json([FaultSpec]())
        }
        sim.get("webhooks") { _, _ in Reply.json(await engine.webhooks.deliveries) }
        // The platform's clock: `{"skew_seconds": N}` puts every `Date` header and webhook timestamp N s ahead.
        sim.get("clock") { _, _ in Reply.json(Clock(skewSeconds: engine.clock.skewSeconds)) }
        sim.post("clock") { request, _ in
            guard let body: Clock = try await Self.decode(request), body.skewSeconds.isFinite else {
                return Self.bad("expected {\"skew_seconds\": N}")
            }
            engine.clock.skewSeconds = body.skewSeconds
            return Reply.json(Clock(skewSeconds: body.skewSeconds))
        }
    }

    static func decode<T: Decodable>(_ request: Request) async throws -> T? {
        var request = request
        let data = Data(try await request.collectBody(upTo: 1 << 20).readableBytesView)
        if data.isEmpty { return nil }
        return try? JSONDecoder().decode(T.self, from: data)
    }

    static func bad(_ message: String, status: HTTPResponse.Status = .badRequest) -> Response {
        Reply.json(["error": message], status: status)
    }
}
