import Foundation
import Logging

extension StoreLocation {
    /// Opens (creating or migrating if needed) the store at this location: the one place that picks
    /// the engine. Errors are ``StoreError``s, worded without a password.
    /// - Parameter logger: where a PostgreSQL store's connection events go (silent by default).
    public func open(logger: Logger = Logger(label: "pushdesk.store", factory: { _ in SwiftLogNoOpLogHandler() })) async throws -> any PushDeskStore {
        switch self {
        case .sqlite(let path): return try SQLiteStore(path: path)
        case .postgres(let endpoint): return try await PostgresStore.open(endpoint, logger: logger)
        }
    }
}
