import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import ServiceLifecycle
import XummPlatform

/// A local Xumm platform: the REST API under `/api/v1/platform/`, the status websocket at
/// `/sign/{uuid}`, signed webhooks, simulated users, and a control API under `/_sim/`.
///
/// ```swift
/// let sim = try XummSimulator(config: SimulatorConfig(timeScale: 0.1))
/// try await sim.start()
/// let client = XummClient(baseURL: sim.apiBaseURL, credentials: ...)
/// ```
public final class XummSimulator: Sendable {
    /// Why the simulator could not start.
    public enum StartError: Error, CustomStringConvertible {
        case alreadyStarted
        case listenFailed(String)
        public var description: String {
            switch self {
            case .alreadyStarted: "the simulator is already running"
            case .listenFailed(let why): "the simulator could not listen: \(why)"
            }
        }
    }

    public let config: SimulatorConfig
    let engine: SimulatorEngine
    /// The simulated platform's clock (skewed through `POST /_sim/clock` or ``setClockSkew(_:)``).
    public var clock: SimulatorClock { engine.clock }
    private let logger: Logger
    private struct Running: Sendable { var task: Task<Void, Never>; var group: ServiceGroup; var port: Int }
    private let running = Locked<Running?>(nil)

    /// A users file given at run time through the environment: `$PUSHDESK_ASSETS/demo/users.json`
    /// when that file exists; `nil` otherwise (the built-in demo cast, ``ShippedDemoCast``, is used).
    public static var runtimeUsersFile: URL? {
        guard let assets = ProcessInfo.processInfo.environment["PUSHDESK_ASSETS"], !assets.isEmpty else { return nil }
        let url = URL(fileURLWithPath: assets).appendingPathComponent("demo/users.json")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// Where the users come from, for banners: the file's path or `built-in demo cast`.
    public var usersSource: String { (config.usersFile ?? Self.runtimeUsersFile)?.path ?? "built-in demo cast" }

    /// Loads the users; does not listen yet.
    /// - Parameter logger: where the simulator logs (never the secret); defaults to warnings on stderr.
    public init(config: SimulatorConfig, logger: Logger? = nil) throws {
        self.config = config
        var log = logger ?? Logger(label: "pushdesk.simulator")
        if logger == nil { log.logLevel = .warning }
        self.logger = log
        let loaded = try (config.usersFile ?? Self.runtimeUsersFile).map { try UsersFile.load($0) } ?? UsersFile.shipped()
        engine = SimulatorEngine(config: config, users: loaded.users, appName: loaded.application, logger: log)
    }

    /// Starts listening; returns once the port is bound.
    public func start() async throws {
        if running.value != nil { throw StartError.alreadyStarted }
        let router = Router(context: BasicRequestContext.self)
        PlatformRoutes(engine: engine).register(on: router)
        ControlRoutes(engine: engine).register(on: router)
        SignPageRoute(engine: engine).register(on: router)
        let wsRouter = Router(context: BasicWebSocketRequestContext.self)
        let clock = engine.clock
        StatusSocketRoute(engine: engine).register(on: wsRouter)

        let (ports, portSink) = AsyncStream<Int>.makeStream()
        let failure = Locked<String?>(nil)
        var hbLogger = logger
        hbLogger.logLevel = max(logger.logLevel, .warning)
        let app = Application(
            router: router,
            server: .http1WebSocketUpgrade(webSocketRouter: wsRouter, configuration: .init(
                http1: .init(additionalChannelHandlers: [SkewedDateHandler(clock: clock)]))),
            configuration: .init(address: .hostname(config.host, port: config.port), serverName: "xumm-simulator"),
            onServerRunning: { channel in
                portSink.yield(channel.localAddress?.port ?? 0)
                portSink.finish()
            },
            logger: hbLogger)
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: hbLogger))
        let task = Task {
            do { try await group.run() } catch {
                failure.value = "\(error)"
            }
            portSink.finish()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            task.cancel()
            throw StartError.listenFailed(failure.value ?? "server stopped")
        }
        running.value = Running(task: task, group: group, port: port)
        await engine.setOrigin("http://\(Self.urlHost(config.host)):\(port)")
        logger.notice("simulator listening", metadata: ["url": "\(baseURL)"])
    }

    /// `http://host:port`.
    public var baseURL: String { "http://\(Self.urlHost(config.host)):\(running.value?.port ?? config.port)" }
    /// `http://host:port/api/v1/platform`, for ``XummClient``.
    public var apiBaseURL: String { baseURL + "/api/v1/platform" }
    /// The bound port (0 before ``start()``).
    public var port: Int { running.value?.port ?? 0 }

    /// Stops listening, closes the sockets and drops pending webhook retries.
    public func stop() async {
        guard let r = running.withLock({ r -> Running? in defer { r = nil }; return r }) else { return }
        await engine.stop()   // ends the status sockets and webhook retries first
        await r.group.triggerGracefulShutdown()
        // Graceful shutdown waits for open connections; do not let a stuck client hold us forever.
        let task = r.task
        let guardTask = Task { try? await Task.sleep(for: .seconds(3)); task.cancel() }
        await task.value
        guardTask.cancel()
    }

    /// Changes where webhooks go (the console starts its inbox after the simulator).
    public func setWebhookURL(_ url: String?) async { await engine.setWebhookURL(url) }

    // MARK: In-process control (same operations as `/_sim/`)

    /// The simulated users.
    public func users() async -> [SimUserInfo] { await engine.users.map { SimUserInfo($0) } }
    /// Every payload created so far, oldest first.
    public func payloads() async -> [SimPayloadInfo] { await engine.allPayloads.map(SimPayloadInfo.init) }
    /// Arms a fault.
    public func injectFault(_ fault: FaultSpec) { engine.faults.add(fault) }
    /// Disarms every fault.
    public func clearFaults() { engine.faults.clear() }
    /// Shifts the simulated platform's clock (its `Date` headers and webhook timestamps) by `seconds`.
    public func setClockSkew(_ seconds: Double) { engine.clock.skewSeconds = seconds }
    /// Webhook delivery attempts so far.
    public func webhookDeliveries() async -> [WebhookDelivery] { await engine.webhooks.deliveries }

    static func urlHost(_ host: String) -> String { host.contains(":") ? "[\(host)]" : host }
}
