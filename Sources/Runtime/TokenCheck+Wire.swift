import Domain
import Foundation
import XummPlatform

extension TokenCheck {
    /// The store's form of one `POST /user-tokens` answer (unix seconds become instants).
    public init(_ status: UserTokenStatus) {
        self.init(userToken: status.userToken, active: status.active,
                  issued: status.issued.map { Date(timeIntervalSince1970: TimeInterval($0)) },
                  expires: status.expires.map { Date(timeIntervalSince1970: TimeInterval($0)) })
    }
}
