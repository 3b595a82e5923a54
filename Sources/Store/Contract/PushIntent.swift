import Foundation

/// A push about to be created: written before `POST /payload` and removed in the transaction that
/// saves the created payload. One left behind means the process stopped between the two, so the
/// platform may hold a payload (already on the user's phone) that the store does not know; on the
/// next start it is looked up by its identifier and taken in, or dropped if it was never created.
public struct PushIntent: Sendable, Equatable {
    /// The payload's `custom_meta.identifier` (unique per app; the platform can be asked for it).
    public var identifier: String
    public var userToken: String?
    public var userName: String?
    public var transactionType: String
    public var txjson: String
    public var expireMinutes: Int?
    public var instruction: String?
    public var created: Date
    public var operatorName: String?

    public init(identifier: String, userToken: String?, userName: String?, transactionType: String, txjson: String,
                expireMinutes: Int?, instruction: String?, created: Date, operatorName: String?) {
        self.identifier = identifier; self.userToken = userToken; self.userName = userName
        self.transactionType = transactionType; self.txjson = txjson; self.expireMinutes = expireMinutes
        self.instruction = instruction; self.created = created; self.operatorName = operatorName
    }
}
