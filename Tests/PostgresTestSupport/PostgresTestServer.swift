import Foundation
import Logging
import PostgresNIO
import Store
import Testing

/// The PostgreSQL server the contract suite runs against: `PUSHDESK_TEST_POSTGRES_URL` (an admin URL
/// whose role may create databases; `.ci/run` and `scripts/dev-postgres.sh start` print one). Each
/// test gets a database of its own (`pd_test_<random>`), dropped afterwards.
///
/// Without a reachable server a PostgreSQL test never passes silently: with `CI` set it fails with
/// the reason; elsewhere it is reported as a known issue (printed) and cancelled.
public enum PostgresTestServer {
    public static let variable = "PUSHDESK_TEST_POSTGRES_URL"

    public static var inCI: Bool { !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty }

    /// The admin endpoint, or why there is none.
    public static func admin() -> Result<PostgresEndpoint, Unavailable> {
        guard let url = ProcessInfo.processInfo.environment[variable], !url.isEmpty else {
            return .failure(Unavailable(why: "\(variable) is not set (run `scripts/dev-postgres.sh start` and export the line it prints)"))
        }
        do { return .success(try PostgresEndpoint(url: url)) } catch {
            return .failure(Unavailable(why: "\(variable) is not a PostgreSQL URL: \(error)"))
        }
    }

    /// The server cannot be used: the test reports it (see the type's notes) and ends.
    public struct Unavailable: Error, CustomStringConvertible {
        public var why: String
        public var description: String { why }
    }

    /// Ends the test because the server cannot be used: it fails (throws) with `CI` set; elsewhere
    /// it records a known issue with the reason (printed) and is cancelled, so no expectation after
    /// it runs against a store that was never there.
    public static func unavailable(_ why: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Never {
        if inCI {
            throw Unavailable(why: "PostgreSQL test could not run: \(why) (CI is set, so it must run)")
        }
        print("⚠︎ PostgreSQL test not run: \(why)")
        withKnownIssue("\(why); set CI to make this a failure") {
            Issue.record(Comment(rawValue: why), sourceLocation: sourceLocation)
        }
        try Test.cancel(Comment(rawValue: why), sourceLocation: sourceLocation)
    }

    public static let logger = Logger(label: "pushdesk.tests.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Runs `body` with the endpoint of a new, empty database, dropped afterwards (also when `body` throws).
    public static func withDatabase(_ body: (PostgresEndpoint) async throws -> Void) async throws {
        let admin: PostgresEndpoint
        switch Self.admin() {
        case .success(let a): admin = a
        case .failure(let u): try unavailable(u.why)
        }
        let name = "pd_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        do {
            try await adminQuery(admin, "CREATE DATABASE \(name)")
        } catch {
            try unavailable("cannot create a test database on \(admin.address): \(String(reflecting: error))")
        }
        do {
            try await body(admin.with(database: name))
        } catch {
            try? await adminQuery(admin, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            throw error
        }
        try await adminQuery(admin, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// One statement on the admin database (identifiers are generated here, never from input).
    public static func adminQuery(_ admin: PostgresEndpoint, _ sql: String) async throws {
        try await query(admin, sql)
    }

    /// One statement on `endpoint`'s database, on a connection of its own.
    public static func query(_ endpoint: PostgresEndpoint, _ sql: String) async throws {
        let config = PostgresConnection.Configuration(host: endpoint.host, port: endpoint.port, username: endpoint.username,
                                                      password: endpoint.password, database: endpoint.database, tls: .disable)
        let connection = try await PostgresConnection.connect(configuration: config, id: 1, logger: logger)
        do {
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
