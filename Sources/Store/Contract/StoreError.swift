import Foundation

/// Errors the store reports in operator terms. None carries secrets.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The store file or its folder could not be created or opened.
    case cannotOpen(path: String, reason: String)
    /// An import file could not be read or parsed at all (nothing was written).
    case unreadableImport(String)
    /// A lookup matched more than one user.
    case ambiguous(query: String, matches: Int)
    /// Unsupported export/import format.
    case unsupportedFormat(String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot open store at \(path): \(reason)"
        case .unreadableImport(let reason): return "import failed, nothing written: \(reason)"
        case .ambiguous(let query, let n): return "\"\(query)\" matches \(n) users; use the token or the account"
        case .unsupportedFormat(let f): return "unsupported format \(f) (use json or csv)"
        }
    }
}
