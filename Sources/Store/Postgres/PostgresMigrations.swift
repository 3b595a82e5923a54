import Foundation
import Logging
import PostgresNIO

/// The PostgreSQL schema, versioned in `schema_migrations`. Append new migrations at the end; never
/// edit a shipped one. Each is a list of statements (the extended protocol runs one per query).
///
/// Dates are `double precision` unix seconds, as in the SQLite store: an exact round trip of every
/// `Date` the contract stores.
enum PostgresMigrations {
    struct Migration: Sendable {
        let version: Int
        let name: String
        let statements: [String]
    }

    /// A constant key for `pg_advisory_xact_lock`: two processes opening the store at once take
    /// turns, so the second finds the migrations done.
    static let lockKey: Int64 = 0x7075_7368_6465_736B // "pushdesk"

    static let all: [Migration] = [
        Migration(version: 1, name: "v1-users-payloads-audit-deliveries-intents", statements: [
            """
            CREATE TABLE known_user (
                user_token TEXT PRIMARY KEY,
                name TEXT,
                account TEXT,
                token_issued DOUBLE PRECISION,
                token_expiration DOUBLE PRECISION,
                last_signed DOUBLE PRECISION,
                source TEXT NOT NULL,
                verified_active BOOLEAN,
                verified_at DOUBLE PRECISION,
                push_count BIGINT NOT NULL DEFAULT 0,
                created_at DOUBLE PRECISION NOT NULL,
                updated_at DOUBLE PRECISION NOT NULL
            )
            """,
            "CREATE INDEX known_user_account ON known_user (account)",
            "CREATE INDEX known_user_name ON known_user (lower(name))",
            """
            CREATE TABLE payload (
                seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
                uuid TEXT PRIMARY KEY,
                identifier TEXT,
                user_token TEXT,
                user_name TEXT,
                transaction_type TEXT NOT NULL,
                txjson TEXT NOT NULL,
                expire_minutes BIGINT,
                instruction TEXT,
                created DOUBLE PRECISION NOT NULL,
                pushed BOOLEAN,
                deep_link TEXT,
                websocket_url TEXT,
                operator_name TEXT,
                outcome TEXT,
                txid TEXT,
                dispatched_result TEXT,
                dispatched_node_type TEXT,
                network TEXT,
                signer_account TEXT,
                issued_user_token TEXT,
                resolved_at DOUBLE PRECISION,
                CONSTRAINT payload_identifier_key UNIQUE (identifier)
            )
            """,
            "CREATE INDEX payload_created ON payload (created, seq)",
            "CREATE INDEX payload_user ON payload (user_token)",
            "CREATE INDEX payload_unfinished ON payload (created, seq) WHERE outcome IS NULL",
            """
            CREATE TABLE payload_event (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                payload_uuid TEXT NOT NULL REFERENCES payload (uuid) ON DELETE CASCADE,
                at DOUBLE PRECISION NOT NULL,
                kind TEXT NOT NULL,
                detail TEXT
            )
            """,
            "CREATE INDEX payload_event_payload ON payload_event (payload_uuid, id)",
            """
            CREATE TABLE audit_log (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                at DOUBLE PRECISION NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                detail TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE webhook_delivery (
                delivery_key TEXT PRIMARY KEY,
                payload_uuid TEXT NOT NULL,
                received_at DOUBLE PRECISION NOT NULL,
                signed BOOLEAN,
                user_token TEXT
            )
            """,
            """
            CREATE TABLE push_intent (
                identifier TEXT PRIMARY KEY,
                user_token TEXT,
                user_name TEXT,
                transaction_type TEXT NOT NULL,
                txjson TEXT NOT NULL,
                expire_minutes BIGINT,
                instruction TEXT,
                created DOUBLE PRECISION NOT NULL,
                operator TEXT
            )
            """,
        ]),
        // The change feed: one numbered row per changed thing, appended in the writing transaction.
        Migration(version: 2, name: "v2-change-feed", statements: [
            """
            CREATE TABLE changes (
                number BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                kind TEXT NOT NULL,
                key TEXT NOT NULL,
                at DOUBLE PRECISION NOT NULL DEFAULT extract(epoch FROM clock_timestamp())
            )
            """,
        ]),
        // Operators: an audit entry names its payload and user (the actor column is the operator).
        Migration(version: 3, name: "v3-audit-payload-user", statements: [
            "ALTER TABLE audit_log ADD COLUMN payload_uuid TEXT",
            "ALTER TABLE audit_log ADD COLUMN user_token TEXT",
            "CREATE INDEX audit_log_at ON audit_log (at)",
        ]),
        // Payload leases: which process follows a live payload (see PayloadLease).
        Migration(version: 4, name: "v4-payload-lease", statements: [
            """
            CREATE TABLE payload_lease (
                uuid TEXT PRIMARY KEY,
                holder TEXT NOT NULL,
                expires_at DOUBLE PRECISION NOT NULL
            )
            """,
        ]),
        // Which handle wrote a change, so a reader can skip its own.
        Migration(version: 5, name: "v5-change-origin", statements: [
            "ALTER TABLE changes ADD COLUMN origin TEXT",
        ]),
    ]

    /// Applies every migration not yet in `schema_migrations`, in one transaction under the
    /// advisory lock: all or nothing, once, even with several processes starting together.
    static func migrate(_ c: PostgresConnection, logger: Logger) async throws {
        try await c.query("BEGIN", logger: logger)
        do {
            try await c.query("SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger)
            try await c.query("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())
                """, logger: logger)
            let applied = Set(try await c.query("SELECT version FROM schema_migrations", logger: logger).collect()
                .map { try $0.decode(Int.self) })
            for m in all where !applied.contains(m.version) {
                for statement in m.statements { try await c.query(PostgresQuery(unsafeSQL: statement), logger: logger) }
                try await c.query("INSERT INTO schema_migrations (version, name) VALUES (\(m.version), \(m.name))", logger: logger)
            }
            try await c.query("COMMIT", logger: logger)
        } catch {
            _ = try? await c.query("ROLLBACK", logger: logger)
            throw error
        }
    }
}
