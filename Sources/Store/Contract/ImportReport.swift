/// What `users import` did. The whole import is one transaction.
public struct ImportReport: Sendable, Equatable, CustomStringConvertible {
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    /// Rows that were not imported, with the reason (`row 3: missing user_token`).
    public var skipped: [String] = []
    public init() {}
    public var description: String {
        "\(added) added, \(updated) updated, \(unchanged) unchanged, \(skipped.count) skipped"
    }
}
