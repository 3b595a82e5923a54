import Domain
import Foundation
import Hummingbird
import Logging
import NIOCore
import Store
import Synchronization
import XummPlatform

/// The HTTP endpoint that receives the platform's signed webhooks, verifies them and records them.
///
/// Answers: 200 after the delivery is committed (also for a duplicate retry); 401 for a missing or
/// wrong signature or a stale timestamp; 400 for a malformed body; 413 over `maxBodyBytes`; 503 when
/// the store cannot commit (the platform retries). Every delivery is logged, never the secret.
public final class WebhookInbox: Sendable {
    public let config: WebhookInboxConfig
    let store: any PushDeskStore
    let onDelivery: @Sendable (WebhookDeliveryEvent) -> Void
    let verifier: WebhookVerifier
    let committer: GroupCommitter<WebhookDelivery, Bool>
    let recorded = Atomic<Int>(0)
    private let running = Locked<RunState>(RunState())

    struct RunState: Sendable {
        var task: Task<Void, Never>?
        var port: Int?
    }

    /// - Parameter onDelivery: called once per request with what happened; keep it cheap (it runs on the request path).
    public init(config: WebhookInboxConfig, store: any PushDeskStore, onDelivery: @escaping @Sendable (WebhookDeliveryEvent) -> Void = { _ in }) {
        self.config = config
        self.store = store
        self.onDelivery = onDelivery
        self.verifier = WebhookVerifier(apiSecret: config.apiSecret, timestampWindow: config.timestampWindow)
        self.committer = GroupCommitter { [store] items in try await store.recordDeliveries(items) }
    }

    /// The full delivery URL (`http://127.0.0.1:8080/webhooks/xumm`); the port is the bound one once started.
    public var url: String {
        let host = config.host.contains(":") ? "[\(config.host)]" : config.host
        return "http://\(host):\(port)\(config.path)"
    }

    /// The bound port (the configured one until started).
    public var port: Int { running.value.port ?? config.port }

    /// Binds and starts serving; returns once the socket is listening.
    /// - Throws: when binding fails (port in use, bad host).
    public func start() async throws {
        let (events, continuation) = AsyncStream<Result<Int, any Error>>.makeStream()
        let app = application { port in continuation.yield(.success(port)) }
        let task = Task {
            do { try await app.run() } catch { continuation.yield(.failure(error)) }
            continuation.finish()
        }
        running.withLock { $0.task = task }
        var first: Result<Int, any Error>?
        for await event in events { first = event; break }
        switch first {
        case .success(let port)?:
            running.withLock { $0.port = port }
            config.logger.info("webhook inbox listening", metadata: ["url": "\(url)"])
        case .failure(let error)?:
            running.withLock { $0.task = nil }
            throw error
        case nil:
            throw WebhookInboxError.stoppedBeforeListening
        }
    }

    /// The inbox as a Hummingbird application, for a process that runs it in a service group of its
    /// own (`pushdesk serve`): the delivery route plus `routes`. `onListening` gets the bound port.
    public func application(routes: (Router<BasicRequestContext>) -> Void = { _ in },
                            onListening: @escaping @Sendable (Int) -> Void) -> some ApplicationProtocol {
        let router = Router()
        router.post(RouterPath(config.path)) { request, _ in await self.handle(request) }
        routes(router)
        return Application(
            router: router,
            configuration: .init(address: .hostname(config.host, port: config.port), serverName: nil),
            onServerRunning: { [self] channel in
                let port = channel.localAddress?.port ?? 0
                running.withLock { $0.port = port }
                onListening(port)
            },
            logger: Logger(label: "pushdesk.webhook.http", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    /// Stops listening and waits for the server to finish (in-flight requests are answered first).
    public func stop() async {
        let task = running.withLock { state -> Task<Void, Never>? in
            let t = state.task
            state.task = nil
            return t
        }
        task?.cancel()
        await task?.value
    }

    /// Deliveries recorded (new) since start.
    public var recordedCount: Int { recorded.load(ordering: .relaxed) }
}

/// Failures starting the inbox.
public enum WebhookInboxError: Error, Sendable, CustomStringConvertible {
    case stoppedBeforeListening
    public var description: String { "the webhook inbox stopped before it was listening" }
}
