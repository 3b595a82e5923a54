import XRPLTx

/// What the operator confirmed: one payload per token (several tokens = bulk push). Carries the
/// transaction as parsed and validated in Compose, so the push path never parses it again.
public struct PushRequest: Sendable, Equatable {
    public var userTokens: [String]
    public var transaction: ComposedTransaction
    public var expireMinutes: Int?
    public var instruction: String?
    /// The known names of the tokens' users, recorded with each payload.
    public var userNames: [String: String]

    public init(userTokens: [String], transaction: ComposedTransaction, expireMinutes: Int?, instruction: String?,
                userNames: [String: String] = [:]) {
        self.userTokens = userTokens; self.transaction = transaction; self.expireMinutes = expireMinutes
        self.instruction = instruction; self.userNames = userNames
    }

    /// Parses and validates `txjsonText` (for callers that hold only the text).
    public init(userTokens: [String], txjsonText: String, expireMinutes: Int?, instruction: String?, userNames: [String: String] = [:]) {
        self.init(userTokens: userTokens, transaction: ComposedTransaction(text: txjsonText),
                  expireMinutes: expireMinutes, instruction: instruction, userNames: userNames)
    }

    /// The txjson text as written.
    public var txjsonText: String { transaction.text }
}
