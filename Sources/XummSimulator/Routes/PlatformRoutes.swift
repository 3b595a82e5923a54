import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import XummPlatform

/// The REST API under `/api/v1/platform/`.
struct PlatformRoutes {
    let engine: SimulatorEngine

    func register(on router: Router<BasicRequestContext>) {
        let group = router.group("api/v1/platform")
            .add(middleware: PlatformMiddleware(engine: engine, apiKey: engine.config.apiKey, apiSecret: engine.config.apiSecret))
        group.get("ping") { _, _ in
            if let r = await fault("ping") { return r }
            return Reply.json(await engine.pong())
        }
        group.post("payload") { request, _ in try await create(request) }
        group.get("payload/ci/:identifier") { _, context in
            if let r = await fault("ci") { return r }
            let id = context.parameters.get("identifier") ?? ""
            guard let p = await engine.payload(identifier: id) else { return Reply.error(status: 404, code: 404) }
            return Reply.json(p)
        }
        group.get("payload/:uuid") { _, context in
            if let r = await fault("get") { return r }
            guard let p = await engine.payload(uuid: context.parameters.get("uuid") ?? "") else { return Reply.error(status: 404, code: 404) }
            return Reply.json(p)
        }
        group.delete("payload/:uuid") { _, context in
            if let r = await fault("cancel") { return r }
            guard let c = await engine.cancel(uuid: context.parameters.get("uuid") ?? "") else { return Reply.error(status: 404, code: 404) }
            return Reply.json(c)
        }
        group.post("user-tokens") { request, _ in
            if let r = await fault("user-tokens") { return r }
            var request = request
            let data = Data(try await request.collectBody(upTo: 1 << 20).readableBytesView)
            guard let body = try? JSONDecoder().decode(UserTokensRequest.self, from: data) else {
                return Reply.error(status: 400, code: 601, message: "expected {\"tokens\":[...]} or a list of tokens")
            }
            return Reply.json(UserTokensResponse(tokens: await engine.verify(tokens: body.tokens)))
        }
        AccountRoutes(engine: engine).register(on: group)
        group.get("user-token/:token") { _, context in
            if let r = await fault("user-token") { return r }
            let token = context.parameters.get("token") ?? ""
            let found = await engine.verify(tokens: [token])
            return Reply.json(UserTokensResponse(tokens: found.isEmpty ? [UserTokenStatus(userToken: token, active: false)] : found))
        }
    }

    private func create(_ request: Request) async throws -> Response {
        let injected = engine.faults.take("create", kinds: [.status, .delay, .drop, .dropAfterCommit, .statusAfterCommit])
        if let injected, let r = await apply(injected) { return r }
        var request = request
        let data = Data(try await request.collectBody(upTo: 1 << 20).readableBytesView)
        do throws(SimulatorEngine.CreateFailure) {
            let created = try await engine.create(body: data)
            if injected?.kind == .dropAfterCommit { return Reply.dropped() }
            if injected?.kind == .statusAfterCommit { return Reply.fatal(status: injected?.status ?? 502, message: "Simulated server error") }
            return Reply.json(created)
        } catch .rateLimited {
            var r = Reply.error(status: 429, code: 429, message: "too many payloads created in the last minute")
            r.headers[PlatformMiddleware.limitHeader] = String(engine.config.rateLimitPerMinute)
            r.headers[PlatformMiddleware.remainingHeader] = "0"
            r.headers[.retryAfter] = "60"
            return r
        } catch .refused(let refusal) {
            return Reply.error(status: refusal.status, code: refusal.code, message: refusal.message)
        }
    }

    /// Applies an injected status / delay / drop fault for `route`; a non-nil answer replaces the handler's.
    private func fault(_ route: String) async -> Response? {
        guard let f = engine.faults.take(route, kinds: [.status, .delay, .drop]) else { return nil }
        return await apply(f)
    }

    private func apply(_ f: FaultSpec) async -> Response? {
        switch f.kind {
        case .delay:
            try? await Task.sleep(for: .milliseconds(f.delayMs ?? 1000))
            return nil
        case .drop:
            return Reply.dropped()
        case .status:
            let status = f.status ?? 503
            if status == 429 {
                var r = Reply.error(status: 429, code: 429, message: "rate limited (injected)")
                r.headers[PlatformMiddleware.limitHeader] = String(engine.config.rateLimitPerMinute)
                r.headers[PlatformMiddleware.remainingHeader] = "0"
                r.headers[.retryAfter] = "60"
                return r
            }
            return status >= 500 ? Reply.fatal(status: status, message: "Simulated server error") : Reply.error(status: status, code: status)
        default:
            return nil
        }
    }
}
