import Foundation
import Logging
import PostgresNIO

extension PostgresStore {
    /// Looks at a PostgreSQL store without changing it (for `pushdesk doctor`): one direct
    /// connection, the applied migrations compared with this build's. Never creates or migrates.
    public static func inspect(_ endpoint: PostgresEndpoint,
                               logger: Logger = Logger(label: "pushdesk.store.postgres", factory: { _ in SwiftLogNoOpLogHandler() })) async -> StoreInspection {
        let location = endpoint.description
        func state(_ s: StoreInspection.State) -> StoreInspection { StoreInspection(engine: "PostgreSQL", location: location, state: s) }
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: try connectionConfiguration(endpoint), id: 0, logger: logger)
        } catch {
            return state(.unreachable(reason: "\(PostgresErrorMapper(endpoint: endpoint).map(error))"))
        }
        defer { Task { try? await connection.close() } }
        do {
            let exists = try await connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL", logger: logger)
                .collect().first?.decode(Bool.self) ?? false
            guard exists else { return state(.missing(creatable: true)) }
            let applied = try await connection.query("SELECT name FROM schema_migrations ORDER BY version", logger: logger)
                .collect().map { try $0.decode(String.self) }
            let known = PostgresMigrations.all.map(\.name)
            let unknown = applied.filter { !known.contains($0) }
            if !unknown.isEmpty { return state(.ahead(unknown: unknown)) }
            let pending = known.filter { !applied.contains($0) }
            if !pending.isEmpty { return state(.behind(version: applied.count, pending: pending)) }
            return state(.current(version: applied.count, latest: known.last ?? "-"))
        } catch {
            return state(.notAStore(reason: "\(PostgresErrorMapper(endpoint: endpoint).map(error))"))
        }
    }
}
