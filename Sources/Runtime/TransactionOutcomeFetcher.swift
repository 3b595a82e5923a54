import Domain
import Foundation
import XummPlatform

/// Asks the platform what a signed MAINNET transaction did (`GET /xrpl-tx/{txid}`), paced under the
/// endpoint's limit of 60 calls a minute: one call per payload, and one more later when the first
/// found the ledger not yet validated.
public actor TransactionOutcomeFetcher {
    private let client: any XummAPI
    private let spacing: Duration
    private let retryAfter: Duration
    private var nextSlot: ContinuousClock.Instant = .now

    public init(client: any XummAPI, spacing: Duration = .seconds(1), retryAfter: Duration = .seconds(6)) {
        self.client = client; self.spacing = spacing; self.retryAfter = retryAfter
    }

    /// The outcome of `txid`; `onFirst` sees a first, not yet validated answer before the retry.
    public func outcome(txid: String, onFirst: @Sendable (TransactionOutcome) async -> Void = { _ in }) async throws -> TransactionOutcome {
        let first = try await fetch(txid)
        guard !first.validated else { return first }
        await onFirst(first)
        try? await Task.sleep(for: retryAfter)
        return (try? await fetch(txid)) ?? first
    }

    private func fetch(_ txid: String) async throws -> TransactionOutcome {
        let now = ContinuousClock.now
        let slot = max(now, nextSlot)
        nextSlot = slot + spacing
        if slot > now { try? await Task.sleep(until: slot) }
        return Self.outcome(try await client.transaction(txid: txid))
    }

    /// The report in operator terms.
    public static func outcome(_ r: XRPLTransactionReport) -> TransactionOutcome {
        let changes = r.balanceChanges.keys.sorted().flatMap { account in
            (r.balanceChanges[account] ?? []).map {
                TransactionOutcome.BalanceChange(account: account, currency: $0.currency,
                                                 issuer: $0.counterparty.isEmpty ? nil : $0.counterparty, value: $0.value)
            }
        }
        return TransactionOutcome(txid: r.txid, result: r.result, validated: r.validated, delivered: r.deliveredAmount.flatMap(amountText),
                                  requested: r.transaction["Amount"].flatMap(amountText), balanceChanges: changes)
    }

    static func amountText(_ v: XummPlatform.JSONValue) -> String? {
        if let drops = v.stringValue { return TransactionOutcome.amountText(drops: drops) }
        guard let value = v["value"]?.stringValue, let currency = v["currency"]?.stringValue else { return nil }
        return "\(value) \(currency)"
    }
}
