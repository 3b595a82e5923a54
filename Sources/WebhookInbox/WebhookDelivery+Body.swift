import Domain
import Foundation
import XummPlatform

extension WebhookDelivery {
    /// The delivery a verified webhook body describes, in the store's terms: keyed by its payload
    /// (the same on every retry), the user token it carried with the platform's unix-second times.
    public init(_ body: WebhookBody, receivedAt: Date) {
        let token = body.userToken
        self.init(payloadUUID: body.meta.payloadUUID, signed: body.payloadResponse?.signed, userToken: token?.userToken,
                  tokenIssued: token?.tokenIssued.map { Date(timeIntervalSince1970: TimeInterval($0)) },
                  tokenExpiration: token?.tokenExpiration.map { Date(timeIntervalSince1970: TimeInterval($0)) },
                  receivedAt: receivedAt)
    }
}
