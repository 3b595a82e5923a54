import Domain
import Foundation
import Logging
import PostgresNIO

/// The PostgreSQL engine of ``PushDeskStore``: a team's shared store, through postgres-nio's pooled
/// `PostgresClient`. Same contract as ``SQLiteStore`` (the contract suite runs on both).
///
/// - Every statement is parameterised (`PostgresQuery` interpolation binds its values).
/// - The schema is versioned (``PostgresMigrations``), migrated at ``open(_:maximumConnections:logger:)``
///   under an advisory lock, so two processes starting at once migrate once.
/// - Errors are ``StoreError``s that name the server as `host:port/db`, never with its password.
///
/// The client runs in a task this store owns; ``close()`` ends it (so does releasing the store).
public final class PostgresStore: PushDeskStore {
    /// The server and database (its description hides the password).
    public let endpoint: PostgresEndpoint
    public let changeOrigin = ChangeOrigin.make()
    let client: PostgresClient
    let logger: Logger
    private let runner: Task<Void, Never>

    private init(endpoint: PostgresEndpoint, client: PostgresClient, logger: Logger, started: CheckedContinuation<Void, Never>) {
        self.endpoint = endpoint
        self.client = client
        self.logger = logger
        self.runner = Task {
            started.resume()
            await client.run() // marks the client running before its first suspension
        }
    }

    deinit { runner.cancel() }

    /// Connects, applies the pending migrations, and starts the connection pool.
    ///
    /// One direct connection is made first (a down server fails here at once, as
    /// ``StoreError/offline(store:reason:)``, rather than on the first query) and runs the migrations.
    /// - Parameters:
    ///   - maximumConnections: the pool's size.
    ///   - logger: where postgres-nio's connection events go (silent by default: the console's
    ///     screen is not a log).
    public static func open(_ endpoint: PostgresEndpoint, maximumConnections: Int = 8,
                            logger: Logger = Logger(label: "pushdesk.store.postgres", factory: { _ in SwiftLogNoOpLogHandler() })) async throws -> PostgresStore {
        let errors = PostgresErrorMapper(endpoint: endpoint)
        do {
            let connection = try await PostgresConnection.connect(configuration: try connectionConfiguration(endpoint), id: 0, logger: logger)
            do {
                try await PostgresMigrations.migrate(connection, logger: logger)
                try await connection.close()
            } catch {
                try? await connection.close()
                throw error
            }
        } catch {
            throw errors.map(error)
        }
        var config = PostgresClient.Configuration(host: endpoint.host, port: endpoint.port, username: endpoint.username,
                                                  password: endpoint.password, database: endpoint.database,
                                                  tls: try clientTLS(endpoint))
        config.options.maximumConnections = maximumConnections
        config.options.connectTimeout = .seconds(5)
        let client = PostgresClient(configuration: config, backgroundLogger: logger)
        // Returned once the run task is under way, so no query leases before the pool runs.
        var store: PostgresStore?
        await withCheckedContinuation { started in
            store = PostgresStore(endpoint: endpoint, client: client, logger: logger, started: started)
        }
        return store!
    }

    /// Ends the connection pool. Operations after this fail as offline.
    public func close() async {
        runner.cancel()
        await runner.value
    }

    /// Names of the applied migrations, oldest first.
    public func appliedMigrations() async throws -> [String] {
        try await read { c in
            try await c.query("SELECT name FROM schema_migrations ORDER BY version").collect()
                .map { try $0.decode(String.self) }
        }
    }

    // MARK: TLS (sslmode)

    static func connectionConfiguration(_ e: PostgresEndpoint) throws -> PostgresConnection.Configuration {
        var config = PostgresConnection.Configuration(host: e.host, port: e.port, username: e.username, password: e.password,
                                                      database: e.database, tls: .disable)
        switch e.sslMode {
        case .disable: config.tls = .disable
        case .prefer: config.tls = .prefer(try NIOSSLContext(configuration: tlsConfiguration(e.sslMode)))
        case .require, .verifyFull: config.tls = .require(try NIOSSLContext(configuration: tlsConfiguration(e.sslMode)))
        }
        config.options.connectTimeout = .seconds(5)
        return config
    }

    static func clientTLS(_ e: PostgresEndpoint) throws -> PostgresClient.Configuration.TLS {
        switch e.sslMode {
        case .disable: return .disable
        case .prefer: return .prefer(tlsConfiguration(e.sslMode))
        case .require, .verifyFull: return .require(tlsConfiguration(e.sslMode))
        }
    }

    /// libpq's meaning: `prefer` and `require` encrypt without checking the certificate;
    /// `verify-full` checks it and the host name.
    static func tlsConfiguration(_ mode: PostgresEndpoint.SSLMode) -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        if mode != .verifyFull { tls.certificateVerification = .none }
        return tls
    }
}
