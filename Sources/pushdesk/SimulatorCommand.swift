import ArgumentParser
import Foundation
import Logging
import XummSimulator

/// `pushdesk simulator`: runs the Xumm platform simulator standalone until interrupted.
struct SimulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulator",
        abstract: "Run a local Xumm platform (REST, status websocket, signed webhooks, simulated users).")

    @Option(help: "Interface to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on (0 = a free port).") var port = 0
    @Option(name: .customLong("api-key"), help: "API key the simulator accepts (default: a fresh UUID).") var apiKey: String?
    @Option(name: .customLong("api-secret"), help: "API secret the simulator accepts and signs webhooks with (default: a fresh UUID).")
    var apiSecret: String?
    @Option(name: .customLong("webhook-url"), help: "Where to POST signed webhooks on resolution.") var webhookURL: String?
    @Option(help: "Users file (default: the built-in demo cast, a copy of assets/demo/users.json).") var users: String?
    @Option(name: .customLong("time-scale"), help: "Multiplier for every platform delay (0.1 = ten times faster).") var timeScale = 1.0
    @Flag(name: .customLong("enforce-rate-limit"), help: "Answer 429 past the per-minute create limit.") var enforceRateLimit = false
    @Option(name: .customLong("rate-limit"), help: "Creates per minute.") var rateLimit = 30
    @Option(name: .customLong("default-expire"), help: "Minutes until a payload without options.expire expires.") var defaultExpire = 5
    @Flag(help: "The application has an xApp: xApp push and event work (without it the platform refuses them).") var xapp = false
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error.") var logLevel = "info"

    func validate() throws {
        guard timeScale > 0 else { throw ValidationError("--time-scale must be positive") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0...65535") }
    }

    func run() async throws {
        let key = apiKey ?? UUID().uuidString.lowercased()
        let secret = apiSecret ?? UUID().uuidString.lowercased()
        let config = SimulatorConfig(host: host, port: port, apiKey: key, apiSecret: secret, webhookURL: webhookURL,
                                     usersFile: users.map { URL(fileURLWithPath: $0) }, timeScale: timeScale,
                                     enforceRateLimit: enforceRateLimit, rateLimitPerMinute: rateLimit, defaultExpireMinutes: defaultExpire,
                                     xappEnabled: xapp)
        var logger = Logger(label: "pushdesk.simulator")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let simulator = try XummSimulator(config: config, logger: logger)
        try await simulator.start()
        let userCount = await simulator.users().count
        let wsBase = simulator.baseURL.replacingOccurrences(of: "http://", with: "ws://")
        // The banner goes to stdout for the operator (and for `SimulatorBanner`, which reads it back in
        // tests and benchmarks); the secret is shown only when the simulator made it up.
        let lines = [
            "Xumm simulator listening",
            "base url:     \(simulator.baseURL)",
            "api base:     \(simulator.apiBaseURL)",
            "websocket:    \(wsBase)/sign/{uuid}",
            "control api:  \(simulator.baseURL)/_sim/",
            "api key:      \(key)",
            "api secret:   \(apiSecret == nil ? secret : "(as given)")",
            "webhook url:  \(webhookURL ?? "none")",
            "users:        \(userCount) from \(simulator.usersSource)",
            "time scale:   \(timeScale)",
        ]
        // Written unbuffered, so a script reading the banner through a pipe sees it at once.
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        while !Task.isCancelled { try await Task.sleep(for: .seconds(3600)) }
        await simulator.stop()
    }
}
