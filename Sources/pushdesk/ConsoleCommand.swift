import ArgumentParser
import Foundation
import Logging
import Runtime
import Wiring

/// `pushdesk` / `pushdesk console`: the operator's console. Without credentials it starts the
/// embedded simulator and webhook inbox; with them it talks to the platform.
struct ConsoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "console", abstract: "Open the console (the default command).")

    @Flag(name: .customLong("read-only"), help: "Hide pushing and cancelling.") var readOnly = false
    @Flag(name: .customLong("no-color"), help: "Monochrome (also when NO_COLOR is set).") var noColor = false
    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal (its own selection and scrolling).") var noMouse = false
    @Flag(help: "Use the embedded simulator even when credentials are configured.") var simulator = false
    @Option(help: ArgumentHelp("Store: a SQLite file or postgres://USER:PASS@HOST:PORT/DB[?sslmode=require] (embedded mode default: a fresh demo store; live default: PUSHDESK_STORE, config store =, else $XDG_DATA_HOME/pushdesk/pushdesk.sqlite).", valueName: "path-or-url"))
    var store: String?
    @Option(name: .customLong("operator"), help: "Name recorded with every payload and audit entry (also PUSHDESK_OPERATOR, config operator =; default user@host).")
    var operatorFlag: String?
    @Option(name: .customLong("demo-users"), help: "Simulated users file for the embedded simulator (default: the built-in demo cast, a copy of assets/demo/users.json).")
    var demoUsers: String?
    @Option(name: .customLong("time-scale"), help: "Embedded simulator speed: 1 real time, 0.5 twice as fast.") var timeScale: Double = 1
    @Option(name: .customLong("log-file"), help: "Append logs to this file (never the screen).") var logFile: String?
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        if let logFile {
            let file: LogFile
            do { file = try LogFile(path: logFile) } catch { fail("cannot open log file \(logFile): \(error)") }
            LoggingSystem.bootstrap { FileLogHandler(label: $0, file: file) }
        } else {
            // Logs never reach the screen: without --log-file they are dropped.
            LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
        }
        let config = try connection.loadConfig()
        let env = ProcessInfo.processInfo.environment
        let monochrome = noColor || !(env["NO_COLOR"] ?? "").isEmpty
        let operatorName = StoreFactory.operatorName(flag: operatorFlag, config: config)
        let deployment: Deployment
        do {
            if let credentials = config.credentials, !simulator {
                deployment = try await Deployment.live(config: config, credentials: credentials, apiBase: connection.resolvedBase(config),
                                                 store: store, serveInbox: true, operatorName: operatorName)
            } else {
                deployment = try await Deployment.embedded(store: store, usersFile: demoUsers.map { URL(fileURLWithPath: $0) }, timeScale: timeScale,
                                                         operatorName: operatorName)
            }
        } catch {
            fail("cannot start: \(error)")
        }
        do {
            try await ConsoleApp.run(services: deployment.services,
                                     options: .init(label: deployment.label, readOnly: readOnly, noColor: monochrome, mouse: !noMouse))
        } catch {
            await deployment.shutdown()
            fail("\(error)")
        }
        await deployment.shutdown()
    }
}
