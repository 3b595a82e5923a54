@testable import XRPLTx

/// Shared addresses (ripple-address-codec test vectors, xrp-codec.test.ts / PY test_main.py).
enum Addr {
    static let a = "rU6K7V3Po4snVhBBaU29sesqs2qTQJWDw1"   // secp256k1 address valid
    static let b = "rLUEXYuLiQptky37CqLcm9USQpPiz5rkpD"   // ed25519 address valid
    static let c = "rJrRMgiRgrU6hDF4pgu5DXQdWyPbY35ErN"   // ↔ BA8E78626EE42C41B46D46C3048DF3A1C3C87072
    static let badChecksum = "rU6K7V3Po4snVhBBaU29sesqs2qTQJWDw2"
}

/// Builds a txjson text from `"Key": value` fragments (values are JSON text).
func tx(_ fields: [(String, String)]) -> String {
    "{\n" + fields.map { "  \"\($0.0)\": \($0.1)" }.joined(separator: ",\n") + "\n}"
}

func q(_ s: String) -> String { "\"\(s)\"" }

func validate(_ fields: [(String, String)]) -> [Finding] { TxValidator.validate(txjsonText: tx(fields)) }

func errors(_ findings: [Finding]) -> [Finding] { findings.filter { $0.severity == .error } }
func warnings(_ findings: [Finding]) -> [Finding] { findings.filter { $0.severity == .warning } }

/// True when some error sits at `path` and its message contains `text` (case-insensitive).
func hasError(_ findings: [Finding], _ path: String, _ text: String = "") -> Bool {
    findings.contains { $0.severity == .error && $0.path == path && (text.isEmpty || $0.message.lowercased().contains(text.lowercased())) }
}

func hasWarning(_ findings: [Finding], _ path: String, _ text: String = "") -> Bool {
    findings.contains { $0.severity == .warning && $0.path == path && (text.isEmpty || $0.message.lowercased().contains(text.lowercased())) }
}

/// A valid XRP Payment with an explicit Account.
let basePayment: [(String, String)] = [
    ("TransactionType", q("Payment")),
    ("Account", q(Addr.a)),
    ("Destination", q(Addr.b)),
    ("Amount", q("1000000")),
]

extension Array where Element == (String, String) {
    /// Replaces or appends a field.
    func with(_ key: String, _ value: String) -> [(String, String)] {
        var copy = self
        if let i = copy.firstIndex(where: { $0.0 == key }) { copy[i].1 = value } else { copy.append((key, value)) }
        return copy
    }
    /// Removes a field.
    func without(_ key: String) -> [(String, String)] { filter { $0.0 != key } }
}
