import ConsoleCore
import Foundation
import Domain
import XRPLTx

/// Deterministic fake data for the demo, the benchmark and tests. Pure: the caller passes `now`.
public enum SampleData {
    static let names = ["Alice", "Bob", "Carol", "Dave", "Erin", "Frank", "Grace", "Heidi", "Ivan", "Judy",
                        "Mallory", "Niaj", "Olivia", "Peggy", "Rupert", "Sybil", "Trent", "Victor", "Walter", "Yuki"]
    static let alphabet = Array("rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz")

    /// A syntactically plausible classic address derived from `seed` (no real checksum).
    public static func account(_ seed: Int) -> String {
        var x = UInt64(truncatingIfNeeded: seed &* 2654435761 &+ 97)
        var s = "r"
        for _ in 0..<33 {
            x = x &* 6364136223846793005 &+ 1442695040888963407
            s.append(alphabet[Int((x >> 33) % UInt64(alphabet.count))])
        }
        return s
    }

    /// A UUID-shaped token derived from `seed`.
    public static func token(_ seed: Int) -> String {
        let h = String(format: "%08x", UInt32(truncatingIfNeeded: seed &* 2246822519 &+ 0x9e3779b9))
        let t = String(format: "%012x", UInt64(seed) &* 0x1F3D5B79 & 0xFFFF_FFFF_FFFF)
        return "\(h)-\(String(format: "%04x", seed % 65536))-4\(String(format: "%03x", seed % 4096))-a\(String(format: "%03x", (seed / 7) % 4096))-\(t)"
    }

    /// `count` users with a spread of token ages: fresh, expiring, expired, revoked.
    public static func users(count: Int, now: Date) -> [KnownUser] {
        (0..<count).map { i in
            let days = Double((i * 13) % 40)             // 0..39 days since last sign
            let signed = now.addingTimeInterval(-days * 86400 - Double(i % 3600))
            let name = count <= names.count ? names[i] : "\(names[i % names.count]) \(i)"
            return KnownUser(userToken: token(i), name: name, account: account(i), tokenIssued: signed,
                             lastSigned: signed, source: .webhook, verifiedActive: i % 13 == 5 ? false : nil,
                             pushCount: (i * 31) % 9)
        }
    }

    /// The standard templates.
    public static let templates: [TxTemplate] = [
        TxTemplate(name: "payment", title: "Payment of 1 XRP", purpose: "Send 1 XRP (1,000,000 drops) to a destination.",
                   txjsonText: "{\n  \"TransactionType\": \"Payment\",\n  \"Destination\": \"rPEPPER7kfTD9w2To4CQk6UCfuHM9c6GDY\",\n  \"Amount\": \"1000000\"\n}"),
        TxTemplate(name: "trustline", title: "TrustSet for USD", purpose: "Open a trust line to an issuer.",
                   txjsonText: "{\n  \"TransactionType\": \"TrustSet\",\n  \"LimitAmount\": {\n    \"currency\": \"USD\",\n    \"issuer\": \"rvYAfWj5gh67oV6fW32ZzP3Aw4Eubs59B\",\n    \"value\": \"1000\"\n  }\n}"),
        TxTemplate(name: "signin", title: "SignIn (no transaction)", purpose: "Identify the user; nothing is submitted.",
                   txjsonText: "{\n  \"TransactionType\": \"SignIn\"\n}"),
    ]

    /// A few payloads in different states.
    public static func payloads(users: [KnownUser], now: Date) -> [PayloadRecord] {
        guard users.count >= 3 else { return [] }
        let tx = templates[0].txjsonText
        let t0 = now.addingTimeInterval(-600)
        var signed = PayloadRecord(uuid: "6a1f3e2c-0b7d-4c3e-9f21-5d8a7b6c4e10", userToken: users[0].userToken, userName: users[0].name,
                                   transactionType: "Payment", txjson: tx, expireMinutes: 5, instruction: "Refund of order 1042",
                                   created: t0, pushed: true, deepLink: "https://xumm.app/sign/6a1f3e2c-0b7d-4c3e-9f21-5d8a7b6c4e10",
                                   operatorName: "dana@desk2")
        signed.events = [PayloadEvent(at: t0, kind: .created), PayloadEvent(at: t0 + 1, kind: .pushed),
                         PayloadEvent(at: t0 + 20, kind: .opened), PayloadEvent(at: t0 + 41, kind: .signed, detail: "signed on device")]
        signed.result = PayloadResult(outcome: .signed, txid: "E3FE6EA3D48F0C2B639448020EA4F03D4F4F8FFDB243A852A0F59177921B4879",
                                      dispatchedResult: "tesSUCCESS", dispatchedNodeType: "TESTNET", network: "TESTNET",
                                      signerAccount: users[0].account, resolvedAt: t0 + 41)
        let t1 = now.addingTimeInterval(-120)
        var notPushed = PayloadRecord(uuid: "b7c2d9e4-5f60-4a1b-8c3d-2e9f0a1b2c3d", userToken: users[1].userToken, userName: users[1].name,
                                      transactionType: "TrustSet", txjson: templates[1].txjsonText, expireMinutes: 10,
                                      created: t1, pushed: false, deepLink: "https://xumm.app/sign/b7c2d9e4-5f60-4a1b-8c3d-2e9f0a1b2c3d",
                                      operatorName: "eve@desk1")
        notPushed.events = [PayloadEvent(at: t1, kind: .created), PayloadEvent(at: t1 + 1, kind: .notPushed, detail: "user token expired")]
        let t2 = now.addingTimeInterval(-30)
        var live = PayloadRecord(uuid: "c0ffee00-1234-4abc-9def-0123456789ab", userToken: users[2].userToken, userName: users[2].name,
                                 transactionType: "Payment", txjson: tx, expireMinutes: 5, created: t2, pushed: true, operatorName: "dana@desk2")
        live.events = [PayloadEvent(at: t2, kind: .created), PayloadEvent(at: t2 + 1, kind: .pushed),
                       PayloadEvent(at: t2 + 9, kind: .opened, detail: "expires in 291 s")]
        return [live, notPushed, signed]
    }

    /// A small deterministic QR-like module grid (not a real QR code) for rendering demos and tests.
    public static func qrModules(size: Int = 21) -> [[Bool]] {
        (0..<size).map { r in
            (0..<size).map { c in
                let finder = { (r0: Int, c0: Int) -> Bool? in
                    guard r >= r0, r < r0 + 7, c >= c0, c < c0 + 7 else { return nil }
                    let d = max(abs(r - r0 - 3), abs(c - c0 - 3))
                    return d != 2
                }
                if let f = finder(0, 0) ?? finder(0, size - 7) ?? finder(size - 7, 0) { return f }
                return (r * 7 + c * 13 + r * c) % 5 < 2
            }
        }
    }
}
