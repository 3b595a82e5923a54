/// What an upsert did to the users table.
public enum UpsertOutcome: String, Sendable, Equatable {
    case inserted, updated, unchanged
}
