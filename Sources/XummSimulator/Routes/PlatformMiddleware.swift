
import HTTPTypes
import Hummingbird

/// Guards `/api/v1/platform/`: credentials (403 / code 813), and the rate-limit headers on every answer.
struct PlatformMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let engine: SimulatorEngine
    let apiKey: String
    let apiSecret: String

    static let limitHeader = HTTPField.Name("X-RateLimit-Limit")!
    static let remainingHeader = HTTPField.Name("X-RateLimit-Remaining")!
    static let keyHeader = HTTPField.Name("X-API-Key")!
    static let secretHeader = HTTPField.Name("X-API-Secret")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        let key = request.headers[Self.keyHeader] ?? ""
        let secret = request.headers[Self.secretHeader] ?? ""
        if !Self.equal(key, apiKey) || !Self.equal(secret, apiSecret) {
            response = Reply.error(status: 403, code: 813)
        } else {
            do { response = try await next(request, context) } catch let e as HTTPResponseError {
                response = try e.response(from: request, context: context)
            }
        }
        if response.headers[Self.limitHeader] == nil {
            response.headers[Self.limitHeader] = String(engine.config.rateLimitPerMinute)
            response.headers[Self.remainingHeader] = String(await engine.rateLimitRemaining())
        }
        return response
    }

    /// Length-independent comparison (no early exit on the first differing byte).
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var diff = UInt8(x.count == y.count ? 0 : 1)
        for i in 0..<max(x.count, y.count) { diff |= (i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0) }
        return diff == 0
    }
}
