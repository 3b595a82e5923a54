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

/// A store this build cannot open (a PostgreSQL URL before that engine lands): says so, never the password.
public struct UnsupportedStoreProbe: StoreProbe {
    public let engine: String
    public let location: String
    public init(engine: String, location: String) { self.engine = engine; self.location = location }
    public func inspect() async -> StoreInspection {
        StoreInspection(engine: engine, location: location,
                        state: .unreachable(reason: "this build of pushdesk has no \(engine) engine yet; use a SQLite file path"))
    }
}

/// Chooses the probe for a `--store` value.
public enum StoreProbes {
    /// A `postgres://`/`postgresql://` URL or a libpq `key=value` string is a PostgreSQL store; anything
    /// else is a SQLite file path (`~` expanded).
    public static func probe(for value: String) -> any StoreProbe {
        if isPostgreSQL(value) { return UnsupportedStoreProbe(engine: "PostgreSQL", location: StoreLocation.redacted(value)) }
        return SQLiteStoreProbe(path: (value as NSString).expandingTildeInPath)
    }

    static func isPostgreSQL(_ value: String) -> Bool {
        let v = value.lowercased()
        return v.hasPrefix("postgres://") || v.hasPrefix("postgresql://") || v.contains("host=") || v.contains("dbname=")
    }
}
