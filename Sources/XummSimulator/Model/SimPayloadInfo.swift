import Foundation

/// One payload as listed by `GET /_sim/payloads`: the simulator's own record.
public struct SimPayloadInfo: Sendable, Codable, Equatable {
    public var uuid: String
    public var identifier: String?
    /// `pending`, `opened`, `signed`, `rejected`, `cancelled` or `expired`.
    public var state: String
    public var txType: String
    public var pushed: Bool
    /// The user whose phone got the push.
    public var pushedTo: String?
    /// The user who signed or rejected.
    public var resolvedBy: String?
    public var txid: String?
    public var createdAt: String

    enum CodingKeys: String, CodingKey {
        case uuid, identifier, state, pushed, txid
        case txType = "tx_type", pushedTo = "pushed_to", resolvedBy = "resolved_by", createdAt = "created_at"
    }

    init(_ p: SimPayload) {
        uuid = p.uuid; identifier = p.request.customMeta?.identifier; state = p.state; txType = p.txType; pushed = p.pushed
        pushedTo = p.pushedTo; resolvedBy = p.signerName; txid = p.txid; createdAt = SimPayload.format(p.createdAt)
    }
}
