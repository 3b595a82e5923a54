import Foundation
import Logging
import Runtime
import Store

/// Picks and opens the store a command works with: `--store VALUE`, else `PUSHDESK_STORE`, else
/// the config's `store = "..."`, else the default SQLite file. A PostgreSQL URL opens the shared
/// store; anything else is a SQLite path. Errors never show the store password.
public enum StoreFactory {
    /// Where the store is (see ``StoreLocation/resolve(flag:environment:config:defaultPath:)``).
    public static func location(flag: String?, config: PushDeskConfig,
                                environment: [String: String] = ProcessInfo.processInfo.environment) throws -> StoreLocation {
        try StoreLocation.resolve(flag: flag, environment: environment, config: config.storePath,
                                  defaultPath: SQLiteStore.defaultPath(environment: environment))
    }

    /// Opens the store at ``location(flag:config:environment:)``.
    public static func open(flag: String?, config: PushDeskConfig,
                            environment: [String: String] = ProcessInfo.processInfo.environment,
                            logger: Logger = Logger(label: "pushdesk.store")) async throws -> any PushDeskStore {
        try await location(flag: flag, config: config, environment: environment).open(logger: logger)
    }

    /// The operator recorded with payloads and audit entries: `--operator`, else `PUSHDESK_OPERATOR`
    /// or the config's `operator =`, else `user@host`.
    public static func operatorName(flag: String?, config: PushDeskConfig,
                                    environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let flag, !flag.isEmpty { return flag }
        if let name = config.operatorName, !name.isEmpty { return name }
        return PushService.currentOSUser(environment: environment)
    }
}
