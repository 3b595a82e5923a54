import Foundation

/// Answer to `POST /xapp/push` (`{"pushed": true}`) and `POST /xapp/event` (`{"pushed": true, "uuid": ...}`:
/// the event stays in the user's event list under that id).
public struct XAppPushResult: Sendable, Equatable, Codable {
    public var pushed: Bool
    public var uuid: String?

    enum CodingKeys: String, CodingKey { case pushed, uuid }

    public init(pushed: Bool, uuid: String? = nil) { self.pushed = pushed; self.uuid = uuid }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        pushed = try c.decode(FlexibleBool.self, forKey: .pushed).value
        uuid = try c.decodeIfPresent(String.self, forKey: .uuid)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(pushed, forKey: .pushed)
        try c.encodeIfPresent(uuid, forKey: .uuid)
    }
}
