import Foundation
import Logging
import PostgresNIO
import Store

/// `pushdesk-bench postgres [users N] [webhooks N] [senders N]`: the store figures on PostgreSQL (the server of
/// `PUSHDESK_BENCH_POSTGRES_URL`, else `PUSHDESK_TEST_POSTGRES_URL`; an admin URL whose role may
/// create databases, e.g. the one `scripts/dev-postgres.sh start` prints). Each figure runs in a
/// fresh database, dropped afterwards.
enum PostgresBench {
    static func run() async throws {
        let env = ProcessInfo.processInfo.environment
        guard let url = env["PUSHDESK_BENCH_POSTGRES_URL"] ?? env["PUSHDESK_TEST_POSTGRES_URL"], !url.isEmpty else {
            print("postgres: set PUSHDESK_BENCH_POSTGRES_URL (or PUSHDESK_TEST_POSTGRES_URL) to an admin URL; scripts/dev-postgres.sh start prints one")
            return
        }
        let admin = try PostgresEndpoint(url: url)
        let args = CommandLine.arguments
        let userCount = args.firstIndex(of: "users").flatMap { $0 + 1 < args.count ? Int(args[$0 + 1]) : nil } ?? 100_000
        let deliveries = args.firstIndex(of: "webhooks").flatMap { $0 + 1 < args.count ? Int(args[$0 + 1]) : nil } ?? 20_000
        // Each sender waits for its 2xx (a commit) before the next delivery, so concurrency is what
        // lets a group commit fill: the platform retries and sends in parallel too.
        let senders = args.firstIndex(of: "senders").flatMap { $0 + 1 < args.count ? Int(args[$0 + 1]) : nil } ?? 32
        print("postgres: \(admin.address) (server on loopback)")
        var ok = true
        ok = try await withDatabase(admin) { endpoint in
            try await StoreBench.loadUsers(into: try await PostgresStore.open(endpoint), count: userCount,
                                           label: "users (PostgreSQL, first load)", target: .milliseconds(200))
        } && ok
        for replicas in [1, 2] {
            ok = try await withDatabase(admin) { endpoint in
                var stores: [any PushDeskStore] = []
                for _ in 0..<replicas { stores.append(try await PostgresStore.open(endpoint, maximumConnections: 4)) }
                let first = stores[0]
                let passed = try await StoreBench.webhookIngest(
                    into: stores, count: deliveries, senders: senders, target: 8_000,
                    label: "webhooks (PostgreSQL, synchronous_commit=on, \(replicas) replica\(replicas == 1 ? "" : "s") on one store)",
                    check: { "" })
                let feed = try await first.latestChangeNumber()
                print("  change feed: \(feed) changes numbered; users \(try await first.userCount())")
                return passed
            } && ok
        }
        if !ok { print("postgres: a target was missed (see above)") }
    }

    /// Runs `body` on a fresh database of the server, dropped afterwards.
    static func withDatabase(_ admin: PostgresEndpoint, _ body: (PostgresEndpoint) async throws -> Bool) async throws -> Bool {
        let name = "pd_bench_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        try await execute(admin, "CREATE DATABASE \(name)")
        do {
            let result = try await body(admin.with(database: name))
            try await execute(admin, "DROP DATABASE \(name) WITH (FORCE)")
            return result
        } catch {
            try? await execute(admin, "DROP DATABASE \(name) WITH (FORCE)")
            throw error
        }
    }

    /// One statement (generated identifiers only) on its own connection.
    static func execute(_ e: PostgresEndpoint, _ sql: String) async throws {
        let logger = Logger(label: "bench.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
        let config = PostgresConnection.Configuration(host: e.host, port: e.port, username: e.username, password: e.password,
                                                      database: e.database, tls: .disable)
        let connection = try await PostgresConnection.connect(configuration: config, id: 1, logger: logger)
        defer { Task { try? await connection.close() } }
        try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
    }
}
