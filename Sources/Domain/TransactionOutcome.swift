import Foundation

/// What a signed transaction did on the ledger (the platform's `xrpl-tx` answer, in operator terms).
public struct TransactionOutcome: Sendable, Equatable, Codable {
    /// One account's change in one currency; `value` is signed whole units ("-1.000012" XRP).
    public struct BalanceChange: Sendable, Equatable, Codable {
        public var account: String
        public var currency: String
        public var issuer: String?
        public var value: String
        public init(account: String, currency: String, issuer: String? = nil, value: String) {
            self.account = account; self.currency = currency; self.issuer = issuer; self.value = value
        }
        /// `+1 XRP`, `-1.000012 XRP`, `+100 USD`.
        public var text: String { (value.hasPrefix("-") ? value : "+" + value) + " " + currency }
    }

    public var txid: String
    /// `tesSUCCESS`, `tecPATH_PARTIAL`, ...
    public var result: String?
    /// Whether the ledger holding it is validated (final).
    public var validated: Bool
    /// What arrived, in words: `1 XRP`, `100 USD`.
    public var delivered: String?
    /// What the transaction asked to deliver, in the same words (its `Amount`).
    public var requested: String?
    public var balanceChanges: [BalanceChange]

    public init(txid: String, result: String?, validated: Bool, delivered: String?, requested: String?, balanceChanges: [BalanceChange]) {
        self.txid = txid; self.result = result; self.validated = validated; self.delivered = delivered
        self.requested = requested; self.balanceChanges = balanceChanges
    }

    /// A Payment that delivered something other than it asked (a partial payment).
    public var isPartial: Bool {
        guard let delivered, let requested else { return false }
        return delivered != requested
    }

    /// `1000000` drops → `1 XRP`; an issued amount object's value and currency → `100 USD`.
    public static func amountText(drops: String) -> String? {
        guard let n = Int(drops) else { return nil }
        let whole = abs(n) / 1_000_000, fraction = abs(n) % 1_000_000
        var text = "\(n < 0 ? "-" : "")\(whole)"
        if fraction != 0 {
            var digits = String(format: "%06d", fraction)
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return text + " XRP"
    }
}
