import ConsoleCore
import Domain
import Foundation
import Runtime

/// What `pushdesk push` prints: plain lines for people, or one JSON object per line.
struct PushOutput: Sendable {
    let json: Bool
    /// Whether the QR code is printed with SGR colours (white on black, so dark modules are dark on any terminal).
    var color = false

    /// Colour on a terminal unless `NO_COLOR` (non-empty) or `--no-color`; `CLICOLOR_FORCE` (non-empty,
    /// not `0`) asks for colour when standard output is not a terminal.
    static func wantsColor(noColorFlag: Bool, environment env: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        if noColorFlag || !(env["NO_COLOR"] ?? "").isEmpty { return false }
        if let force = env["CLICOLOR_FORCE"], !force.isEmpty, force != "0" { return true }
        return isatty(STDOUT_FILENO) != 0
    }

    func created(_ r: PayloadRecord) {
        if json {
            emit(["event": "created", "uuid": r.uuid, "pushed": r.pushed ?? false, "identifier": opt(r.identifier),
                  "next": opt(r.deepLink), "websocket": opt(r.websocketURL)])
        } else {
            print("created \(r.uuid) (\(r.transactionType)) — \(r.pushed == true ? "pushed ✓" : "not pushed")")
        }
    }

    func notPushed(_ r: PayloadRecord) {
        guard !json else { return }
        print("not pushed — token expired or revoked; the user can open it with the deep link or QR:")
        print(r.deepLink ?? "(no deep link)")
        if let link = r.deepLink, let m = QRMatrix.encode(link) { QRText.terminalLines(m, color: color).forEach { print($0) } }
    }

    /// One timeline event. The websocket's unconfirmed word keeps its own name (`signed_unconfirmed`,
    /// `rejected_unconfirmed`) so a script matching `"event":"signed"` only sees what the GET confirmed.
    func event(_ e: PayloadEvent, uuid: String) {
        if json {
            emit(["event": e.kind.rawValue, "uuid": uuid, "at": iso(e.at), "detail": opt(e.detail)])
        } else if e.kind.isUnconfirmed {
            print("\(iso(e.at))  \(e.kind == .signedUnconfirmed ? "signed?" : "rejected?")  websocket says so; confirming with GET /payload")
        } else {
            let note = e.operatorNote
            print("\(iso(e.at))  \(e.kind.rawValue)\(note.isEmpty ? "" : "  \(note)")")
        }
    }

    func final(_ r: PayloadRecord, outcome: TransactionOutcome? = nil) {
        let res = r.result
        if json {
            var line: [String: Any] = ["event": "final", "uuid": r.uuid, "outcome": res?.outcome.rawValue ?? "unknown", "txid": opt(res?.txid),
                                       "account": opt(res?.signerAccount), "dispatched_result": opt(res?.dispatchedResult),
                                       "network": opt(res?.network)]
            if let outcome {
                line["delivered_amount"] = opt(outcome.delivered)
                line["validated"] = outcome.validated
                line["balance_changes"] = outcome.balanceChanges.map { c -> [String: Any] in
                    ["account": c.account, "currency": c.currency, "issuer": opt(c.issuer), "value": c.value]
                }
            }
            emit(line)
        } else {
            var line = "final: \(res?.outcome.rawValue ?? "unknown")"
            if let txid = res?.txid { line += "  txid \(txid)" }
            if let a = res?.signerAccount { line += "  account \(a)" }
            if let d = res?.dispatchedResult { line += "  \(d)" }
            if let n = res?.network { line += n == "MAINNET" ? "  MAINNET" : "  network \(n) (not MAINNET)" }
            print(line)
            if let outcome {
                print("ledger: \(outcome.result ?? "?")\(outcome.validated ? ", validated" : ", not yet validated")"
                      + (outcome.delivered.map { "; delivered \($0)" } ?? "") + (outcome.isPartial ? " (PARTIAL: asked \(outcome.requested ?? "?"))" : ""))
                for c in outcome.balanceChanges { print("  \(c.account)  \(c.text)") }
            }
        }
    }

    private func emit(_ object: [String: Any]) {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        print(String(decoding: data, as: UTF8.self))
        fflush(nil)
    }

    private func opt(_ v: String?) -> Any { v ?? NSNull() }

    private func iso(_ d: Date) -> String { ISO8601DateFormatter().string(from: d) }
}
