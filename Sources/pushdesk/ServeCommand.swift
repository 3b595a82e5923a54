import ArgumentParser
import Dispatch
import Foundation
import Logging
import Service
import Store
import Synchronization
import Wiring
import XummPlatform

/// `pushdesk serve`: the always-on service (inbox, follower of payloads nobody follows, `/healthz`,
/// `/metrics`). Several replicas may share one PostgreSQL store. SIGTERM/SIGINT stop it gracefully
/// (exit 0); a second signal exits at once (exit 130).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the always-on service: webhook inbox, payload follower, /healthz and /metrics (until SIGTERM/SIGINT).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var connection: ConnectionOptions
    @Option(help: "Interface to bind.") var host: String = "127.0.0.1"
    @Option(help: "Port to bind (0 = any free port; the inbox URL is printed on standard output).") var port: Int = 8080
    @Option(help: "Route for webhook deliveries.") var path: String = "/webhooks/xumm"
    @Option(name: .customLong("log-format"), help: "json or logfmt.") var logFormat: String = "logfmt"
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error, critical.") var logLevel: String = "info"
    @Option(name: .customLong("log-file"), help: "Append logs to this file instead of standard error.") var logFile: String?
    @Option(name: .customLong("scan-every"), help: "Seconds between looks for payloads nobody follows.") var scanEvery: Double = 2

    func validate() throws {
        guard LogFormat(rawValue: logFormat) != nil else { throw ValidationError("--log-format must be json or logfmt") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical") }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0...65535") }
        guard scanEvery > 0 else { throw ValidationError("--scan-every must be positive") }
    }

    func run() async throws {
        let format = LogFormat(rawValue: logFormat) ?? .logfmt
        let level = Logger.Level(rawValue: logLevel) ?? .info
        var file: LogFile?
        if let logFile {
            do { file = try LogFile(path: logFile) } catch { throw CLIError("cannot open log file \(logFile): \(error)") }
        }
        LoggingSystem.bootstrap { StructuredLogHandler(label: $0, format: format, level: level, file: file) }
        let logger = Logger(label: "pushdesk.serve")

        let config = try connection.loadConfig()
        guard let credentials = config.credentials else {
            throw CLIError("no credentials: set XUMM_APIKEY and XUMM_APISECRET (for the simulator: the key/secret `pushdesk simulator` prints)")
        }
        let location = try store.location(config)
        let db = try await store.open(config)
        let metrics = ServiceMetrics()
        let client = XummClient(baseURL: connection.resolvedBase(config), credentials: credentials, timeout: .seconds(10),
                                onRequest: { event in if let r = event.rateLimitRemaining { metrics.rateLimit(remaining: r) } })
        var settings = PushDeskServer.Settings()
        settings.host = host; settings.port = port; settings.path = path
        settings.scanEvery = .milliseconds(Int(scanEvery * 1000))
        let server = PushDeskServer(settings: settings, store: db, storeName: "\(location)", platform: client, apiSecret: credentials.apiSecret,
                                    operatorName: store.operatorName(config), metrics: metrics, logger: logger) { url in
            // Unbuffered, so a parent process reading the URL sees it at once.
            FileHandle.standardOutput.write(Data((url + "\n").utf8))
        }
        logger.notice("starting", metadata: ["store": "\(location)", "api_base": "\(connection.resolvedBase(config))",
                                              "listen": "\(host):\(port)\(path)"])
        let second = SecondSignal()
        do { try await server.run() } catch {
            throw CLIError("cannot serve on \(host):\(port): \(error)")
        }
        second.cancel()
        if let postgres = db as? PostgresStore { await postgres.close() }
    }
}

/// Exits at once on the second SIGTERM/SIGINT (the first starts the graceful shutdown).
final class SecondSignal {
    private let sources: [any DispatchSourceSignal]

    init() {
        let count = Mutex(0)
        sources = [SIGINT, SIGTERM].map { sig in
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                let n = count.withLock { c in c += 1; return c }
                if n >= 2 { _exit(130) }
            }
            source.resume()
            return source
        }
    }

    func cancel() { sources.forEach { $0.cancel() } }
}
