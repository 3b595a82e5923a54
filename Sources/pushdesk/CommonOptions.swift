import ArgumentParser
import Foundation
import Runtime
import Wiring
import Store
import XummPlatform

/// `--store PATH`, shared by every command that touches the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("store"), help: ArgumentHelp("SQLite store file (default: $XDG_DATA_HOME/pushdesk/pushdesk.sqlite, else ~/.local/share/pushdesk/pushdesk.sqlite).", valueName: "path"))
    var path: String?

    /// The resolved store path.
    var resolvedPath: String {
        guard let path else { return SQLiteStore.defaultPath }
        return (path as NSString).expandingTildeInPath
    }

    /// Opens (creating if needed) the store.
    func open() throws -> any PushDeskStore {
        do { return try SQLiteStore(path: resolvedPath) } catch {
            throw CLIError("\(error)")
        }
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

    private static func config(_ env: [String: String]) throws -> PushDeskConfig {
        do { return try PushDeskConfig.load(environment: env) } catch { throw CLIError("\(error)") }
    }
}

/// The OS user, recorded in the audit log as the actor.
enum OperatorName {
    static var current: String {
        let env = ProcessInfo.processInfo.environment
        return env["USER"] ?? env["LOGNAME"] ?? "unknown"
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
