import Foundation
import SimulatorTestSupport
import Hummingbird
import Logging
import XummPlatform

/// A loopback webhook endpoint that records what it receives and answers from a script of statuses.
final class WebhookReceiver: Sendable {
    struct Hit: Sendable { var headers: [String: String]; var body: Data }
    let hits = Locked<[Hit]>([])
    private let statuses: Locked<[Int]>
    private let task = Locked<Task<Void, Never>?>(nil)
    private let port = Locked(0)

    init(statuses: [Int] = []) { self.statuses = Locked(statuses) }

    func start() async throws -> String {
        let router = Router()
        router.post("hook") { request, _ -> Response in
            var request = request
            let body = Data(try await request.collectBody(upTo: 1 << 20).readableBytesView)
            var headers: [String: String] = [:]
            for f in request.headers { headers[f.name.canonicalName] = f.value }
            self.hits.withLock { $0.append(Hit(headers: headers, body: body)) }
            let status = self.statuses.withLock { $0.isEmpty ? 200 : $0.removeFirst() }
            return Response(status: .init(code: status))
        }
        let (ports, sink) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "webhook-receiver")
        logger.logLevel = .critical
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { sink.yield($0.localAddress?.port ?? 0); sink.finish() }, logger: logger)
        task.value = Task { try? await app.runService(gracefulShutdownSignals: []) }
        var it = ports.makeAsyncIterator()
        let p = await it.next() ?? 0
        port.value = p
        return "http://127.0.0.1:\(p)/hook"
    }

    func stop() async {
        let t = task.withLock { t -> Task<Void, Never>? in defer { t = nil }; return t }
        t?.cancel()
        await t?.value
    }

    /// Waits until `n` hits arrived (hang-guarded).
    func waitFor(_ n: Int) async -> [Hit] {
        await withHangGuard {
            while !Task.isCancelled, self.hits.value.count < n { try? await Task.sleep(for: .milliseconds(50)) }
            return self.hits.value
        } ?? hits.value
    }
}
