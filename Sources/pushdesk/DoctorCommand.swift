import ArgumentParser
import Foundation
import Logging
import Wiring

/// `pushdesk doctor`: checks credentials, the webhook URL, clock skew, the store, the config file's
/// mode and the terminal, one line each with what to do. Exit 0 when nothing failed (warnings
/// allowed), 1 otherwise. Without credentials (and without --api-base) it examines the embedded
/// simulator, as `pushdesk` would start it.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the setup: credentials, webhook URL, clock, store, config file, terminal.",
        discussion: "Exit status: 0 when every check passed or only warned, 1 when any failed.")

    @Option(help: ArgumentHelp("Store to check (default: the configured store; on the embedded simulator, its fresh demo store).", valueName: "value"))
    var store: String?
    @Flag(help: "Check the embedded simulator even when credentials are configured.") var simulator = false
    @Flag(help: "One JSON object per check and line: name, status (pass, warn, fail, skipped), detail, fix.") var json = false
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        // The embedded simulator and inbox log at info by default: nothing but the report may reach stdout.
        LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
        let env = ProcessInfo.processInfo.environment
        let report = await Doctor.examine(DoctorOptions(configPath: connection.configPath, apiBase: connection.apiBase, store: store,
                                                        forceSimulator: simulator, environment: env))
        // ✓ and ✗ only where the locale can show them.
        let terminal = TerminalFacts.current(environment: env)
        let out = json ? report.jsonLines() : report.text(unicode: terminal.localeIsUTF8, columns: terminal.columns)
        FileHandle.standardOutput.write(Data(out.utf8))
        if report.failed { throw ExitCode(1) }
    }
}
