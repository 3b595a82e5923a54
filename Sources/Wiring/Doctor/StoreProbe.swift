import Foundation
import Store

/// Looks at a store without changing it, for `pushdesk doctor`: one per engine. The PostgreSQL engine
/// adds its own (a connection URL in, a ``StoreInspection`` out) and a case in ``StoreProbes/probe(for:)``.
public protocol StoreProbe: Sendable {
    /// Where the store is, safe to print (no password).
    var location: String { get }
    /// Opens it read-only and compares its schema with this build's.
    func inspect() async -> StoreInspection
}

/// The SQLite engine's probe: ``SQLiteStore/inspect(path:)``.
public struct SQLiteStoreProbe: StoreProbe {
    public let path: String
    public init(path: String) { self.path = path }
    public var location: String { path }
    public func inspect() async -> StoreInspection { SQLiteStore.inspect(path: path) }
}

/// The PostgreSQL engine's probe: ``PostgresStore/inspect(_:logger:)`` (one connection, nothing changed).
public struct PostgresStoreProbe: StoreProbe {
    public let endpoint: PostgresEndpoint
    public init(endpoint: PostgresEndpoint) { self.endpoint = endpoint }
    public var location: String { endpoint.description }
    public func inspect() async -> StoreInspection { await PostgresStore.inspect(endpoint) }
}

/// A `--store` value that names no store this build can open (a malformed URL): says why, never the password.
public struct UnreadableLocationProbe: StoreProbe {
    public let location: String
    let reason: String
    public init(location: String, reason: String) { self.location = location; self.reason = reason }
    public func inspect() async -> StoreInspection {
        StoreInspection(engine: "PostgreSQL", location: location, state: .unreachable(reason: reason))
    }
}

/// Chooses the probe for a `--store` value.
public enum StoreProbes {
    /// A `postgres://`/`postgresql://` URL or a libpq `key=value` string is a PostgreSQL store; anything
    /// else is a SQLite file path (`~` expanded).
    public static func probe(for value: String) -> any StoreProbe {
        if isPostgreSQL(value) {
            do {
                guard case .postgres(let endpoint) = try StoreLocation.parse(value) else {
                    return UnreadableLocationProbe(location: StoreRedaction.redacted(value),
                                                   reason: "a key=value connection string is not supported: use postgres://USER:PASS@HOST:PORT/DB")
                }
                return PostgresStoreProbe(endpoint: endpoint)
            } catch {
                return UnreadableLocationProbe(location: StoreRedaction.redacted(value), reason: "\(error)")
            }
        }
        return SQLiteStoreProbe(path: (value as NSString).expandingTildeInPath)
    }

    static func isPostgreSQL(_ value: String) -> Bool {
        let v = value.lowercased()
        return v.hasPrefix("postgres://") || v.hasPrefix("postgresql://") || v.contains("host=") || v.contains("dbname=")
    }
}
