import Foundation
import XRPLTx

/// What the operator asked to push: the same shape for the console and `pushdesk push`. The
/// transaction was parsed and validated once by whoever built the spec.
public struct PushRequestSpec: Sendable, Equatable {
    public var transaction: ComposedTransaction
    /// `nil` for a payload without a user (QR / deep link only).
    public var userToken: String?
    public var userName: String?
    public var expireMinutes: Int?
    public var instruction: String?

    public init(transaction: ComposedTransaction, userToken: String?, userName: String? = nil,
                expireMinutes: Int? = nil, instruction: String? = nil) {
        self.transaction = transaction; self.userToken = userToken; self.userName = userName
        self.expireMinutes = expireMinutes; self.instruction = instruction
    }

    /// Parses and validates `txjsonText` here (for callers that hold only the text).
    public init(txjsonText: String, userToken: String?, userName: String? = nil, expireMinutes: Int? = nil, instruction: String? = nil) {
        self.init(transaction: ComposedTransaction(text: txjsonText), userToken: userToken, userName: userName,
                  expireMinutes: expireMinutes, instruction: instruction)
    }
}
