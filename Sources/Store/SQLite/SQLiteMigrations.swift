import GRDB

/// Versioned schema. Append new migrations at the end; never edit a shipped one.
///
/// Dates are stored as REAL unix seconds (fast to load, exact round trip to the platform's unix seconds).
enum SQLiteMigrations {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-users-payloads-audit-deliveries") { db in
            try db.execute(sql: """
                CREATE TABLE user (
                    user_token TEXT PRIMARY KEY NOT NULL,
                    name TEXT,
                    account TEXT,
                    token_issued REAL,
                    token_expiration REAL,
                    last_signed REAL,
                    source TEXT NOT NULL,
                    verified_active INTEGER,
                    verified_at REAL,
                    push_count INTEGER NOT NULL DEFAULT 0,
                    created_at REAL NOT NULL,
                    updated_at REAL NOT NULL
                );
                CREATE INDEX user_account ON user(account);
                CREATE INDEX user_name ON user(name COLLATE NOCASE);

                CREATE TABLE payload (
                    uuid TEXT PRIMARY KEY NOT NULL,
                    identifier TEXT UNIQUE,
                    user_token TEXT,
                    user_name TEXT,
                    transaction_type TEXT NOT NULL,
                    txjson TEXT NOT NULL,
                    expire_minutes INTEGER,
                    instruction TEXT,
                    created REAL NOT NULL,
                    pushed INTEGER,
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
                    resolved_at REAL
                );
                CREATE INDEX payload_created ON payload(created);
                CREATE INDEX payload_user ON payload(user_token);

                CREATE TABLE payload_event (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    payload_uuid TEXT NOT NULL REFERENCES payload(uuid) ON DELETE CASCADE,
                    at REAL NOT NULL,
                    kind TEXT NOT NULL,
                    detail TEXT
                );
                CREATE INDEX payload_event_payload ON payload_event(payload_uuid, id);

                CREATE TABLE audit_log (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at REAL NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    detail TEXT NOT NULL
                );

                CREATE TABLE webhook_delivery (
                    delivery_key TEXT PRIMARY KEY NOT NULL,
                    payload_uuid TEXT NOT NULL,
                    received_at REAL NOT NULL,
                    signed INTEGER,
                    user_token TEXT
                );
                CREATE INDEX webhook_delivery_payload ON webhook_delivery(payload_uuid);
                """)
        }
        // Each delivery wrote three B-trees (rowid table, key index, payload index) at random places.
        // Keyed by `delivery_key` alone (WITHOUT ROWID), a delivery writes one. The payload index
        // went: the key is the lower-cased payload UUID (`WebhookDelivery.key(payloadUUID:)`), so it served nothing.
        m.registerMigration("v2-webhook-delivery-keyed") { db in
            try db.execute(sql: """
                CREATE TABLE webhook_delivery_keyed (
                    delivery_key TEXT PRIMARY KEY NOT NULL,
                    payload_uuid TEXT NOT NULL,
                    received_at REAL NOT NULL,
                    signed INTEGER,
                    user_token TEXT
                ) WITHOUT ROWID;
                INSERT INTO webhook_delivery_keyed SELECT delivery_key, payload_uuid, received_at, signed, user_token FROM webhook_delivery;
                DROP TABLE webhook_delivery;
                ALTER TABLE webhook_delivery_keyed RENAME TO webhook_delivery;
                """)
        }
        // A push is recorded before `POST /payload` and removed when its payload is saved (PushIntent).
        m.registerMigration("v3-push-intent") { db in
            try db.execute(sql: """
                CREATE TABLE push_intent (
                    identifier TEXT PRIMARY KEY NOT NULL,
                    user_token TEXT,
                    user_name TEXT,
                    transaction_type TEXT NOT NULL,
                    txjson TEXT NOT NULL,
                    expire_minutes INTEGER,
                    instruction TEXT,
                    created REAL NOT NULL,
                    operator TEXT
                )
                """)
        }
        // The change feed: one numbered row per changed thing, appended in the writing transaction
        // (SQLite has one writer at a time, so numbers follow commit order).
        m.registerMigration("v4-change-feed") { db in
            try db.execute(sql: """
                CREATE TABLE changes (
                    number INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL,
                    key TEXT NOT NULL,
                    at REAL NOT NULL
                )
                """)
        }
        // Operators: an audit entry names its payload and user (the actor column is the operator).
        m.registerMigration("v5-audit-payload-user") { db in
            try db.execute(sql: """
                ALTER TABLE audit_log ADD COLUMN payload_uuid TEXT;
                ALTER TABLE audit_log ADD COLUMN user_token TEXT;
                CREATE INDEX audit_log_at ON audit_log(at);
                """)
        }
        // Which handle wrote a change, so a reader can skip its own.
        m.registerMigration("v6-change-origin") { db in
            try db.execute(sql: "ALTER TABLE changes ADD COLUMN origin TEXT")
        }
        // Payload leases: which process follows a live payload (see PayloadLease).
        m.registerMigration("v7-payload-lease") { db in
            try db.execute(sql: """
                CREATE TABLE payload_lease (
                    uuid TEXT PRIMARY KEY NOT NULL,
                    holder TEXT NOT NULL,
                    expires_at REAL NOT NULL
                )
                """)
        }
        return m
    }
}
