/// The payload table's columns, in the order both engines read and write them, and the upsert's
/// update list built from them (the same SQL on SQLite and PostgreSQL).
enum PayloadColumns {
    static let names = [
        "uuid", "identifier", "user_token", "user_name", "transaction_type", "txjson", "expire_minutes", "instruction", "created", "pushed",
        "deep_link", "websocket_url", "operator_name", "outcome", "txid", "dispatched_result", "dispatched_node_type", "network",
        "signer_account", "issued_user_token", "resolved_at",
    ]

    /// `uuid, identifier, …`.
    static let list = names.joined(separator: ", ")

    /// `identifier = excluded.identifier, …` for every column but the key.
    static let updateFromExcluded = names.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
}
