/// Currency-code rules: 3-character standard codes (not `XRP`) or 40 uppercase hex digits.
public enum CurrencyCode {
    /// Characters allowed in a 3-character standard code (DOCS currency_code snippet, PY `ISO_CURRENCY_REGEX`).
    static let standardSymbols: Set<UInt8> = Set("?!@#$%^&*<>(){}[]|".utf8)

    /// Result of checking a currency code for an issued token.
    public enum Verdict: Sendable, Equatable {
        case valid
        case validWithWarning(String)
        case invalid(String)
    }

    /// Checks `code` as the currency of an issued token.
    public static func check(_ code: String) -> Verdict {
        let u = Array(code.utf8)
        if u.count == 3 {
            for b in u {
                let alnum = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                if !alnum && !standardSymbols.contains(b) {
                    return .invalid("currency code \"\(code)\" has a character outside letters, digits and ?!@#$%^&*<>(){}[]|")
                }
            }
            if code.uppercased() == "XRP" {
                return .invalid("\"\(code)\" is not allowed as a token currency code; XRP amounts are a string of drops")
            }
            return .valid
        }
        if u.count == 40 {
            guard Hex.isHex(code) else {
                return .invalid("a 40-character currency code must be hex digits")
            }
            guard Hex.isUpperHex(code) else {
                return .invalid("a 40-character hex currency code must use uppercase hex digits")
            }
            if u.allSatisfy({ $0 == UInt8(ascii: "0") }) {
                return .invalid("an all-zero currency code means XRP and is not allowed for a token")
            }
            if u[0] == UInt8(ascii: "0") && u[1] == UInt8(ascii: "0") {
                return .validWithWarning("a hex currency code whose first byte is 00 may not be handled correctly")
            }
            if u[0] == UInt8(ascii: "0") && u[1] == UInt8(ascii: "1") {
                return .validWithWarning("hex currency codes starting with 01 are deprecated demurrage codes")
            }
            return .valid
        }
        return .invalid("currency code must be 3 characters (e.g. \"USD\") or 40 hex digits, got \(code.count) characters")
    }
}
