import Foundation

/// One line of the audit log: who did what, when.
public struct AuditEntry: Sendable, Equatable, Codable {
    public var at: Date
    public var actor: String
    public var action: String
    public var detail: String
    public init(at: Date, actor: String, action: String, detail: String) {
        self.at = at; self.actor = actor; self.action = action; self.detail = detail
    }
}
