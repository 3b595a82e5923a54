import ArgumentParser
import Dispatch
import Foundation
import Logging
import Store
import WebhookInbox

/// `pushdesk webhook …`: the webhook inbox.
struct WebhookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhook",
        abstract: "Receive the platform's signed webhooks.",
        subcommands: [Serve.self])

    /// `webhook serve --host H --port P [--path] [--store]`.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the webhook endpoint until SIGINT/SIGTERM (secret from XUMM_APISECRET).")
        @OptionGroup var store: StoreOptions
        @Option(help: "Interface to bind.") var host: String = "127.0.0.1"
        @Option(help: "Port to bind (0 = any free port; the URL is printed).") var port: Int = 8080
        @Option(help: "Route for deliveries.") var path: String = "/webhooks/xumm"
        @Option(help: "Accepted timestamp difference, seconds.") var timestampWindow: Double = 300
        @Option(help: "Log level (trace, debug, info, notice, warning, error, critical). Logs go to standard error.")
        var logLevel: String = "info"

        func run() async throws {
            let secret = try EnvironmentCredentials.apiSecret()
            let level = Logger.Level(rawValue: logLevel) ?? .info
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
            let db = try await store.open()
            let config = WebhookInboxConfig(host: host, port: port, path: path, apiSecret: secret,
                                            timestampWindow: timestampWindow, logger: Logger(label: "pushdesk.webhook"))
            let inbox = WebhookInbox(config: config, store: db)
            do { try await inbox.start() } catch { throw CLIError("cannot listen on \(host):\(port): \(error)") }
            // Unbuffered, so a parent process reading the URL sees it at once.
            FileHandle.standardOutput.write(Data((inbox.url + "\n").utf8))
            let signal = await Self.waitForTerminationSignal()
            Logger(label: "pushdesk.webhook").notice("stopping on signal \(signal)")
            await inbox.stop()
        }

        /// Suspends until SIGINT or SIGTERM arrives.
        static func waitForTerminationSignal() async -> Int32 {
            let (stream, continuation) = AsyncStream<Int32>.makeStream()
            let sources = [SIGINT, SIGTERM].map { sig -> any DispatchSourceSignal in
                signal(sig, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
                source.setEventHandler { continuation.yield(sig) }
                source.resume()
                return source
            }
            var received: Int32 = SIGTERM
            for await sig in stream { received = sig; break }
            sources.forEach { $0.cancel() }
            return received
        }
    }
}
