import Foundation
import XummPlatform

/// One verified webhook delivery to record.
public struct WebhookIngest: Sendable {
    public var body: WebhookBody
    public var deliveryID: String
    public var receivedAt: Date
    public init(body: WebhookBody, deliveryID: String, receivedAt: Date) {
        self.body = body; self.deliveryID = deliveryID; self.receivedAt = receivedAt
    }
}
