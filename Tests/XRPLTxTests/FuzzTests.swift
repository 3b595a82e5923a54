import Testing
@testable import XRPLTx

/// Property test: random and mutated JSON never crashes the validator, and every finding is well formed.
@Suite("Fuzz")
struct FuzzTests {
    /// A small deterministic PRNG (SplitMix64) so failures reproduce.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let seeds: [String] = [
        tx(basePayment),
        tx(basePayment.with("Amount", usd).with("Memos", #"[{"Memo": {"MemoData": "AB"}}]"#).with("Flags", "131072")),
        #"{"txjson": {"TransactionType": "TrustSet", "LimitAmount": \#(usd)}, "options": {"expire": 5}, "custom_meta": {"identifier": "a"}}"#,
        #"{"TransactionType": "SignerListSet", "SignerQuorum": 1, "SignerEntries": [{"SignerEntry": {"Account": "\#(Addr.b)", "SignerWeight": 1}}]}"#,
        #"{"TransactionType": "AMMDeposit", "Asset": {"currency": "XRP"}, "Asset2": {"currency": "ETH", "issuer": "\#(Addr.c)"}, "Amount": {"mpt_issuance_id": "00002403C84A0A28E0190E208E982C352BBD5006600555CF", "value": "5"}}"#,
        #"{"TransactionType": "NFTokenCreateOffer", "NFTokenID": "\#(hash64)", "Amount": "0", "Flags": 1, "Domain": "é👨‍👩‍👧\n"}"#,
    ]

    static let fragments: [String] = ["{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800", "0", "-", "1e999", "null", "true",
                                      "\n", "é", "👨‍👩‍👧", "\u{301}", "\"Amount\"", "\"r\"", "<X>", "\"<DESTINATION>\"", "99999999999999999999", ".", "e"]

    @Test func randomAndMutatedJSONYieldsWellFormedFindings() {
        var rng = SplitMix(state: 0xC0FFEE)
        let cases = 100_000
        var checked = 0
        for i in 0..<cases {
            let text: String
            if i % 4 == 0 {
                // Random concatenation of fragments.
                var s = ""
                for _ in 0..<Int.random(in: 1...24, using: &rng) { s += Self.fragments.randomElement(using: &rng)! }
                text = s
            } else {
                // Mutate a seed: delete, insert or replace a few characters.
                var chars = Array(Self.seeds[Int.random(in: 0..<Self.seeds.count, using: &rng)])
                for _ in 0..<Int.random(in: 1...3, using: &rng) {
                    let pos = Int.random(in: 0...chars.count, using: &rng)
                    switch Int.random(in: 0..<3, using: &rng) {
                    case 0 where pos < chars.count: chars.remove(at: pos)
                    case 1: chars.insert(contentsOf: Array(Self.fragments.randomElement(using: &rng)!), at: pos)
                    default: if pos < chars.count { chars[pos] = Array(Self.fragments.randomElement(using: &rng)!).first ?? "x" }
                    }
                }
                text = String(chars)
            }
            let findings = i % 2 == 0 ? TxValidator.validate(txjsonText: text) : TxValidator.validate(payloadText: text)
            let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
            for f in findings {
                if f.line < 1 || f.column < 1 || f.message.isEmpty || f.line > max(1, lineCount) {
                    Issue.record("bad finding \(f) for input \(text.debugDescription)")
                    return
                }
            }
            checked += 1
        }
        #expect(checked == cases)
    }
}
