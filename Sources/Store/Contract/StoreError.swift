import Foundation

/// Errors the store reports in operator terms. None carries secrets: a PostgreSQL store is named by
/// its `host:port/db` only, never its password.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The store file or its folder could not be created or opened, or the server refused the login.
    case cannotOpen(path: String, reason: String)
    /// An import file could not be read or parsed at all (nothing was written).
    case unreadableImport(String)
    /// A lookup matched more than one user.
    case ambiguous(query: String, matches: Int)
    /// Unsupported export/import format.
    case unsupportedFormat(String)
    /// A `--store` value that is neither a file path nor a well-formed PostgreSQL URL.
    case invalidLocation(String)
    /// The store's server cannot be reached (down, unreachable, or the connection dropped);
    /// `store` is `host:port/db`. Retrying later may succeed.
    case offline(store: String, reason: String)
    /// Another payload already has this `custom_meta.identifier`: it was created once already
    /// (by this or another operator), so it must not be created again.
    case duplicateIdentifier(String)
    /// The store's server refused a statement (the reason is the server's, without data).
    case failed(store: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot open store at \(path): \(reason)"
        case .unreadableImport(let reason): return "import failed, nothing written: \(reason)"
        case .ambiguous(let query, let n): return "\"\(query)\" matches \(n) users; use the token or the account"
        case .unsupportedFormat(let f): return "unsupported format \(f) (use json or csv)"
        case .invalidLocation(let reason): return "invalid store location: \(reason)"
        case .offline(let store, let reason): return "store offline: cannot reach PostgreSQL at \(store) (\(reason))"
        case .duplicateIdentifier(let id): return "a payload with identifier \(id) already exists in the store (created once already)"
        case .failed(let store, let reason): return "store error at \(store): \(reason)"
        }
    }

    /// True when the store could not be reached (the operation may succeed once it is back).
    public var isOffline: Bool {
        if case .offline = self { return true }
        return false
    }
}
