import Foundation

/// Which store PushDesk opens, from `--store VALUE`, `PUSHDESK_STORE` or the config's `store =`:
/// a SQLite file path, or a PostgreSQL URL (see ``PostgresEndpoint``). Its ``description`` never
/// shows a password.
public enum StoreLocation: Sendable, Equatable, CustomStringConvertible {
    /// A SQLite file (the embedded default).
    case sqlite(path: String)
    /// A shared PostgreSQL store.
    case postgres(PostgresEndpoint)

    /// Reads a `--store` value: a `postgres://` / `postgresql://` URL, else a file path (`~` expanded).
    /// - Throws: ``StoreError/invalidLocation(_:)`` for a malformed URL (worded without its password).
    public static func parse(_ value: String) throws -> StoreLocation {
        let v = value.trimmingCharacters(in: .whitespaces)
        if PostgresEndpoint.isURL(v) {
            do { return .postgres(try PostgresEndpoint(url: v)) } catch let e as PostgresEndpoint.ParseError {
                throw StoreError.invalidLocation(e.description)
            }
        }
        guard !v.isEmpty else { throw StoreError.invalidLocation("empty store location") }
        if v.contains("://") { throw StoreError.invalidLocation("unknown store URL scheme (use a file path or postgres://)") }
        return .sqlite(path: (v as NSString).expandingTildeInPath)
    }

    /// The first of `flag`, `PUSHDESK_STORE`, the config's value, else the default SQLite file.
    public static func resolve(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                               config: String?, defaultPath: String) throws -> StoreLocation {
        for candidate in [flag, environment["PUSHDESK_STORE"], config] {
            if let c = candidate, !c.isEmpty { return try parse(c) }
        }
        return .sqlite(path: defaultPath)
    }

    /// True for a shared (networked) store.
    public var isShared: Bool {
        if case .postgres = self { return true }
        return false
    }

    /// The path, or the URL with its password as `***`.
    public var description: String {
        switch self {
        case .sqlite(let path): return path
        case .postgres(let endpoint): return endpoint.redactedURL
        }
    }
}
