/// What a look at a store found, without changing it: whether it can be opened and whether its schema
/// is the one this build expects. Each engine answers in these terms (the SQLite engine through
/// ``SQLiteStore/inspect(path:)``); `pushdesk doctor` words them.
public struct StoreInspection: Sendable, Equatable {
    /// The engine: `SQLite`, `PostgreSQL`.
    public var engine: String
    /// Where the store is: a file path, or a connection URL without its password.
    public var location: String
    /// What the look found.
    public var state: State

    public init(engine: String, location: String, state: State) {
        self.engine = engine; self.location = location; self.state = state
    }

    /// What was found.
    public enum State: Sendable, Equatable {
        /// Every migration this build knows is applied, and no other. `version` counts them; `latest` names the last.
        case current(version: Int, latest: String)
        /// Older than this build: the next open applies `pending` (automatically).
        case behind(version: Int, pending: [String])
        /// Written by a newer build: it has migrations this one does not know.
        case ahead(unknown: [String])
        /// Nothing there yet. `creatable`: the first open can create it (its folder exists or can be made).
        case missing(creatable: Bool)
        /// The location is a folder, not a store file.
        case isDirectory
        /// This user may not read (or write) it.
        case permissionDenied
        /// It is there but is not a store (not a database, or corrupt): `reason` says what the engine said.
        case notAStore(reason: String)
        /// Anything else that stopped the look (server down, ...).
        case unreachable(reason: String)
    }
}
