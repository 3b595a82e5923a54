import Foundation

/// Where a PostgreSQL store lives: `postgres://USER:PASS@HOST:PORT/DB?sslmode=MODE` (also
/// `postgresql://`), parsed. The password is kept for connecting only: ``description``,
/// ``debugDescription`` and the mirror show it as `***`, so no log line, error or `dump` carries it.
public struct PostgresEndpoint: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// libpq's `sslmode`, as far as PushDesk honours it.
    public enum SSLMode: String, Sendable, Equatable, CaseIterable {
        /// Plain TCP only.
        case disable
        /// TLS when the server offers it, else plain (libpq's default).
        case prefer
        /// TLS or no connection; the certificate is not verified (libpq's `require`).
        case require
        /// TLS with the certificate verified against the system trust store and the host name.
        case verifyFull = "verify-full"
    }

    /// Server host name or IP address.
    public var host: String
    /// Server port (5432 unless the URL says otherwise).
    public var port: Int
    /// The role to log in as.
    public var username: String
    /// The password, if the URL had one. Never printed.
    public var password: String?
    /// The database holding the store.
    public var database: String
    /// Whether and how TLS is used (`?sslmode=`, default `prefer`).
    public var sslMode: SSLMode

    public init(host: String, port: Int = 5432, username: String, password: String?, database: String, sslMode: SSLMode = .prefer) {
        self.host = host; self.port = port; self.username = username; self.password = password
        self.database = database; self.sslMode = sslMode
    }

    /// Errors in a URL, worded without its password.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// True when `value` looks like a PostgreSQL URL (`postgres://` or `postgresql://`).
    public static func isURL(_ value: String) -> Bool {
        let v = value.lowercased()
        return v.hasPrefix("postgres://") || v.hasPrefix("postgresql://")
    }

    /// Parses `postgres://USER[:PASS]@HOST[:PORT]/DB[?sslmode=disable|prefer|require|verify-full]`.
    /// User and password may be percent-encoded. Other query parameters are refused, so a typo is not ignored.
    public init(url value: String) throws {
        guard Self.isURL(value), let c = URLComponents(string: value) else {
            throw ParseError(description: "not a PostgreSQL URL (expected postgres://USER:PASS@HOST:PORT/DB)")
        }
        guard let host = c.host, !host.isEmpty else { throw ParseError(description: "PostgreSQL URL without a host") }
        guard let user = c.user, !user.isEmpty else { throw ParseError(description: "PostgreSQL URL without a user") }
        let db = String(c.path.drop(while: { $0 == "/" }))
        guard !db.isEmpty, !db.contains("/") else { throw ParseError(description: "PostgreSQL URL without a database name (…/DB)") }
        var mode = SSLMode.prefer
        for item in c.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let m = item.value.flatMap(SSLMode.init(rawValue:)) else {
                    throw ParseError(description: "sslmode must be one of disable, prefer, require, verify-full")
                }
                mode = m
            default:
                throw ParseError(description: "unsupported PostgreSQL URL parameter \(item.name) (only sslmode)")
            }
        }
        self.init(host: host, port: c.port ?? 5432, username: c.percentEncodedUser?.removingPercentEncoding ?? user,
                  password: c.percentEncodedPassword?.removingPercentEncoding ?? c.password,
                  database: db.removingPercentEncoding ?? db, sslMode: mode)
    }

    /// `host:port/db`: what an operator needs to find the server, no credentials.
    public var address: String { "\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)" }

    /// The URL with the password replaced by `***` (`postgres://dana:***@host:5432/db`).
    public var redactedURL: String {
        let secret = password == nil ? "" : ":***"
        let query = sslMode == .prefer ? "" : "?sslmode=\(sslMode.rawValue)"
        let h = host.contains(":") ? "[\(host)]" : host
        return "postgres://\(username)\(secret)@\(h):\(port)/\(database)\(query)"
    }

    /// The same endpoint on another database of the server (tests create and drop databases).
    public func with(database: String) -> PostgresEndpoint {
        var copy = self
        copy.database = database
        return copy
    }

    public var description: String { redactedURL }
    public var debugDescription: String { "PostgresEndpoint(\(redactedURL))" }
    public var customMirror: Mirror {
        Mirror(self, children: ["url": redactedURL], displayStyle: .struct)
    }
}
