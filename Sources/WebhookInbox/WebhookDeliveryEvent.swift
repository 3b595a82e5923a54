import Foundation

/// One delivery as the console sees it (sent to `onDelivery` after the answer is decided).
public struct WebhookDeliveryEvent: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// Verified and committed for the first time.
        case recorded
        /// Verified, but already recorded (a retry); answered 200.
        case duplicate
        /// Refused before touching the store.
        case refused(WebhookRefusal)
        /// Verified but the store could not commit it; answered 503 so the platform retries.
        case storeUnavailable
    }
    public var at: Date
    public var outcome: Outcome
    /// HTTP status answered.
    public var status: Int
    public var payloadUUID: String?
    /// The user token the delivery carried, if any.
    public var userToken: String?
    public var signed: Bool?
    /// Deliveries recorded (new) since the inbox started.
    public var recordedCount: Int
    /// From the request's arrival to its answer (verify, commit).
    public var latency: Duration = .zero

    public init(at: Date, outcome: Outcome, status: Int, payloadUUID: String? = nil, userToken: String? = nil, signed: Bool? = nil, recordedCount: Int) {
        self.at = at; self.outcome = outcome; self.status = status; self.payloadUUID = payloadUUID
        self.userToken = userToken; self.signed = signed; self.recordedCount = recordedCount
    }
}
