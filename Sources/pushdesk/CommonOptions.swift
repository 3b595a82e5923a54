import ArgumentParser
import Foundation
import Logging
import Runtime
import Wiring
import Store
import XummPlatform

/// `--store VALUE` and `--operator NAME`, shared by every command that opens the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("store"), help: ArgumentHelp(
        "SQLite store file, or a PostgreSQL URL postgres://USER:PASS@HOST:PORT/DB[?sslmode=require] (also PUSHDESK_STORE, config store = \"...\"; default: $XDG_DATA_HOME/pushdesk/pushdesk.sqlite, else ~/.local/share/pushdesk/pushdesk.sqlite).",
        valueName: "path-or-url"))
    var value: String?

    @Option(name: .customLong("operator"), help: "Name recorded with every payload and audit entry (also PUSHDESK_OPERATOR, config operator = \"...\"; default user@host).")
    var operatorFlag: String?

    /// Where the store is: flag, `PUSHDESK_STORE`, config, default file.
    func location(_ config: PushDeskConfig) throws -> StoreLocation {
        do { return try StoreFactory.location(flag: value, config: config) } catch { throw CLIError("\(error)") }
    }

    /// Opens (creating or migrating if needed) the store. The error never shows a password.
    func open(_ config: PushDeskConfig? = nil) async throws -> any PushDeskStore {
        let config = try config ?? EnvironmentCredentials.config()
        let location = try location(config)
        do { return try await location.open(logger: Logger(label: "pushdesk.store")) } catch {
            throw CLIError("\(error)")
        }
    }

    /// The operator's name (see ``StoreFactory/operatorName(flag:config:environment:)``).
    func operatorName(_ config: PushDeskConfig? = nil) -> String {
        StoreFactory.operatorName(flag: operatorFlag, config: config ?? (try? EnvironmentCredentials.config()) ?? PushDeskConfig())
    }
}

/// Credentials from `XUMM_APIKEY` / `XUMM_APISECRET` or the config file (see `PushDeskConfig`). Never printed.
enum EnvironmentCredentials {
    static func apiSecret(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        guard let secret = try config(env).apiSecret, !secret.isEmpty else {
            throw CLIError("XUMM_APISECRET is not set (needed to verify webhook signatures)")
        }
        return secret
    }

    static func credentials(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> XummCredentials {
        guard let key = try config(env).apiKey, !key.isEmpty else { throw CLIError("XUMM_APIKEY is not set") }
        return XummCredentials(apiKey: key, apiSecret: try apiSecret(env))
    }

    static func config(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> PushDeskConfig {
        do { return try PushDeskConfig.load(environment: env) } catch { throw CLIError("\(error)") }
    }
}

/// A message for the operator; printed as `Error: ...`, exit code 1.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Dates on the command line: ISO 8601 (`2024-05-01T10:00:00Z`, `2024-05-01`) or unix seconds.
enum CLIDate {
    static func parse(_ s: String) throws -> Date {
        if let n = Double(s) { return Date(timeIntervalSince1970: n) }
        let f = ISO8601DateFormatter()
        if let d = f.date(from: s) { return d }
        f.formatOptions = [.withFullDate]
        if let d = f.date(from: s) { return d }
        throw CLIError("unreadable date \(s) (use 2024-05-01T10:00:00Z, 2024-05-01 or unix seconds)")
    }
}
