import Foundation

/// Answer to `POST /payload`.
public struct PayloadCreateResponse: Sendable, Equatable, Codable {
    public var uuid: String
    public var next: Next
    public var refs: Refs
    /// `true` only means the user token was still valid; `false` still created the payload.
    public var pushed: Bool

    public struct Next: Sendable, Equatable, Codable {
        /// The deep link (sign page) for a QR / link fallback.
        public var always: String
        public var noPushMsgReceived: String?
        enum CodingKeys: String, CodingKey { case always; case noPushMsgReceived = "no_push_msg_received" }
        public init(always: String, noPushMsgReceived: String? = nil) { self.always = always; self.noPushMsgReceived = noPushMsgReceived }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(always, forKey: .always)
            try c.encodeIfPresent(noPushMsgReceived, forKey: .noPushMsgReceived)
        }
    }

    public struct Refs: Sendable, Equatable, Codable {
        public var qrPNG: String
        public var qrMatrix: String
        public var qrURIQualityOpts: [String]?
        public var websocketStatus: String
        enum CodingKeys: String, CodingKey {
            case qrPNG = "qr_png", qrMatrix = "qr_matrix", qrURIQualityOpts = "qr_uri_quality_opts", websocketStatus = "websocket_status"
        }
        public init(qrPNG: String, qrMatrix: String, qrURIQualityOpts: [String]? = ["m", "q", "h"], websocketStatus: String) {
            self.qrPNG = qrPNG; self.qrMatrix = qrMatrix; self.qrURIQualityOpts = qrURIQualityOpts; self.websocketStatus = websocketStatus
        }
    }

    public init(uuid: String, next: Next, refs: Refs, pushed: Bool) {
        self.uuid = uuid; self.next = next; self.refs = refs; self.pushed = pushed
    }
}
