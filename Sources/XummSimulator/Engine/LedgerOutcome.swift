import Foundation
import XummPlatform

/// What a signed and submitted payload did on the simulated ledger: the `GET /xrpl-tx/{txid}` body.
/// A Payment moves its amount from the signer to the destination, and the signer pays the fee; a
/// Payment with tfPartialPayment delivers half of its amount (so partial payments can be shown).
enum LedgerOutcome {
    static let node = "wss://xrplcluster.com"
    static let tfPartialPayment = 0x0002_0000
    static let defaultFeeDrops = 12

    /// The report for `p`, or nil when it was not submitted to MAINNET. `validated` turns true once the
    /// ledger holding it closed (`ledgerClose` after the signature).
    static func report(_ p: SimPayload, now: Date, ledgerClose: TimeInterval) -> XRPLTransactionReport? {
        guard p.signed, let txid = p.txid, let signer = p.signerAccount, p.request.options?.submit ?? true,
              (p.request.options?.forceNetwork ?? "MAINNET") == "MAINNET" else { return nil }
        let tx = p.requestJSON
        let fee = tx["Fee"]?.stringValue.flatMap(Int.init) ?? defaultFeeDrops
        let partial = (tx["Flags"]?.numberValue.map { Int($0) } ?? 0) & tfPartialPayment != 0
        var changes: [String: [XRPLTransactionReport.BalanceChange]] = [:]
        var xrpDelta: [String: Int] = [signer: -fee]
        var delivered: JSONValue?
        if p.txType == "Payment", let destination = tx["Destination"]?.stringValue, let amount = tx["Amount"] {
            if let drops = amount.stringValue.flatMap(Int.init) {
                let moved = partial ? drops / 2 : drops
                xrpDelta[signer, default: 0] -= moved
                xrpDelta[destination, default: 0] += moved
                delivered = .string(String(moved))
            } else if case .object(let o) = amount, let currency = o["currency"]?.stringValue, let issuer = o["issuer"]?.stringValue,
                      let text = o["value"]?.stringValue, let value = Decimal(string: text, locale: nil) {
                let moved = partial ? "\(value / 2)" : text
                changes[signer, default: []].append(.init(counterparty: issuer, currency: currency, value: "-" + moved))
                changes[destination, default: []].append(.init(counterparty: issuer, currency: currency, value: moved))
                delivered = .object(["currency": .string(currency), "issuer": .string(issuer), "value": .string(moved)])
            }
        }
        for (account, drops) in xrpDelta where drops != 0 {
            changes[account, default: []].insert(.init(counterparty: "", currency: "XRP", value: xrp(drops)), at: 0)
        }
        var meta: [String: JSONValue] = ["TransactionIndex": .number(0), "TransactionResult": .string("tesSUCCESS")]
        if let delivered { meta["delivered_amount"] = delivered }
        guard case .object(var fields) = tx else { return nil }
        fields["Account"] = .string(signer)
        fields["Fee"] = .string(String(fee))
        fields["Sequence"] = .number(Double((Int(txid.prefix(6), radix: 16) ?? 0) + 1))
        fields["meta"] = .object(meta)
        fields["validated"] = .bool(p.resolvedAt.map { now.timeIntervalSince($0) >= ledgerClose } ?? false)
        fields["hash"] = .string(txid)
        return XRPLTransactionReport(txid: txid, balanceChanges: changes, node: node, transaction: .object(fields))
    }

    /// Drops as signed whole XRP without a trailing zero: `-1000012` → `-1.000012`, `1000000` → `1`.
    static func xrp(_ drops: Int) -> String {
        let sign = drops < 0 ? "-" : ""
        let whole = abs(drops) / 1_000_000, fraction = abs(drops) % 1_000_000
        guard fraction != 0 else { return "\(sign)\(whole)" }
        var digits = String(format: "%06d", fraction)
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(sign)\(whole).\(digits)"
    }
}
