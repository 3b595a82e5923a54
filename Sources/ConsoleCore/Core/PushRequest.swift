/// What the operator confirmed: one payload per token (several tokens = bulk push).
public struct PushRequest: Sendable, Equatable {
    public var userTokens: [String]
    public var txjsonText: String
    public var expireMinutes: Int?
    public var instruction: String?
    public init(userTokens: [String], txjsonText: String, expireMinutes: Int?, instruction: String?) {
        self.userTokens = userTokens; self.txjsonText = txjsonText; self.expireMinutes = expireMinutes; self.instruction = instruction
    }
}
