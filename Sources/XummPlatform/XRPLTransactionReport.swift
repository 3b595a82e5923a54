import Foundation

/// Answer to `GET /xrpl-tx/{txid}`: a MAINNET transaction as the platform's node saw it, with the
/// balance change of every account it touched.
public struct XRPLTransactionReport: Sendable, Equatable, Codable {
    /// One account's change in one currency (`value` is signed, in whole units: XRP, not drops).
    public struct BalanceChange: Sendable, Equatable, Codable, Hashable {
        public var counterparty: String
        public var currency: String
        public var value: String
        public init(counterparty: String = "", currency: String, value: String) {
            self.counterparty = counterparty; self.currency = currency; self.value = value
        }
    }

    public var txid: String
    public var balanceChanges: [String: [BalanceChange]]
    public var node: String
    /// The transaction with its `meta` and `validated` flag, as the node returned it.
    public var transaction: JSONValue

    public init(txid: String, balanceChanges: [String: [BalanceChange]], node: String, transaction: JSONValue) {
        self.txid = txid; self.balanceChanges = balanceChanges; self.node = node; self.transaction = transaction
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        txid = try c.decode(String.self, forKey: .txid)
        balanceChanges = try c.decodeIfPresent([String: [BalanceChange]].self, forKey: .balanceChanges) ?? [:]
        node = try c.decodeIfPresent(String.self, forKey: .node) ?? ""
        transaction = try c.decodeIfPresent(JSONValue.self, forKey: .transaction) ?? .object([:])
    }

    /// `meta.TransactionResult` (`tesSUCCESS`, `tecPATH_PARTIAL`, ...).
    public var result: String? { transaction["meta"]?["TransactionResult"]?.stringValue }
    /// Whether the ledger holding it is validated (final).
    public var validated: Bool { transaction["validated"]?.boolValue ?? false }
    /// `meta.delivered_amount`: drops as a string, or an issued amount object.
    public var deliveredAmount: JSONValue? { transaction["meta"]?["delivered_amount"] }
}
