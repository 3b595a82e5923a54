import Foundation
import Hummingbird
import Logging
import Runtime
import ServiceLifecycle
import UnixSignals
import Synchronization
import Store
import WebhookInbox
import XummPlatform

/// `pushdesk serve`: the webhook inbox, the follower of payloads nobody follows, `GET /healthz` and
/// `GET /metrics`, on one HTTP port, run as one service group. SIGTERM or SIGINT stops it
/// gracefully: the inbox stops accepting and answers what is in flight (each after its commit),
/// the follower gives its leases back, and ``run()`` returns.
public final class PushDeskServer: Sendable {
    public struct Settings: Sendable {
        public var host = "127.0.0.1"
        public var port = 8080
        public var path = "/webhooks/xumm"
        /// How often the follower looks for payloads nobody follows.
        public var scanEvery: Duration = .seconds(2)
        public init() {}
    }

    public let inbox: WebhookInbox
    public let metrics: ServiceMetrics
    public let probe: StoreHealthProbe
    public let takeover: PayloadTakeover
    private let followers: FollowerPool
    private let logger: Logger
    private let onListening: @Sendable (String) -> Void
    private let group = Mutex<ServiceGroup?>(nil)

    /// - Parameters:
    ///   - storeName: the store as logs and `/healthz` name it (never its password).
    ///   - onListening: gets the inbox URL once the port is bound.
    public init(settings: Settings, store: any PushDeskStore, storeName: String, platform: any XummAPI, apiSecret: String,
                operatorName: String, metrics: ServiceMetrics, logger: Logger, onListening: @escaping @Sendable (String) -> Void = { _ in }) {
        self.metrics = metrics
        self.logger = logger
        self.onListening = onListening
        let inboxLogger = Logger(label: "pushdesk.serve.inbox")
        inbox = WebhookInbox(config: WebhookInboxConfig(host: settings.host, port: settings.port, path: settings.path, apiSecret: apiSecret,
                                                        logger: inboxLogger),
                             store: store) { event in metrics.delivered(event) }
        probe = StoreHealthProbe(store: store, name: storeName, metrics: metrics, logger: logger)
        let leases = PayloadLeaseKeeper(store: store, operatorName: operatorName)
        let operations = PushService(client: platform, store: store, operatorName: operatorName)
        followers = FollowerPool(operations: operations, leases: leases)
        takeover = PayloadTakeover(store: store, followers: followers, metrics: metrics, logger: logger, scanEvery: settings.scanEvery)
    }

    /// Serves until SIGTERM/SIGINT (or `shutdown`), then stops gracefully.
    /// - Parameter signals: the signals that start a graceful shutdown (none in tests that stop it themselves).
    public func run(signals: [UnixSignal] = [.sigterm, .sigint]) async throws {
        let app = inbox.application(routes: routes) { [inbox, onListening, logger] _ in
            logger.notice("serving", metadata: ["inbox": "\(inbox.url)"])
            onListening(inbox.url)
        }
        // Shut down in reverse order: the HTTP server first (no new deliveries; in-flight ones are
        // answered), then the follower (leases back), then the probe.
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: probe), .init(service: takeover), .init(service: app)],
            gracefulShutdownSignals: signals, cancellationSignals: [], logger: logger))
        self.group.withLock { $0 = group }
        try await group.run()
        logger.notice("stopped")
    }

    /// Starts the graceful shutdown a signal would start.
    public func shutdown() async {
        await group.withLock { $0 }?.triggerGracefulShutdown()
    }

    private func routes(_ router: Router<BasicRequestContext>) {
        let probe = self.probe, metrics = self.metrics, followers = self.followers
        router.get("healthz") { _, _ -> Response in
            let status = probe.status
            let body = #"{"status":"\#(status.up ? "ok" : "degraded")","store":"\#(status.up ? "up" : "down")","live_payloads":\#(followers.count)}"#
            return Response(status: status.up ? .ok : .serviceUnavailable, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        router.get("metrics") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: metrics.text())))
        }
    }
}
