import Foundation

/// One line of the audit log: which operator did what, when, and to which payload and user.
public struct AuditEntry: Sendable, Equatable, Codable {
    public var at: Date
    /// The operator (`--operator`, config `operator =`, default `user@host`).
    public var actor: String
    public var action: String
    public var detail: String
    /// The payload it is about, if any.
    public var payloadUUID: String?
    /// The user (token) it is about, if any.
    public var userToken: String?

    public init(at: Date, actor: String, action: String, detail: String, payloadUUID: String? = nil, userToken: String? = nil) {
        self.at = at; self.actor = actor; self.action = action; self.detail = detail
        self.payloadUUID = payloadUUID; self.userToken = userToken
    }

    /// The operator who did it (the same as ``actor``).
    public var operatorName: String { actor }
}
