/// A parsed XRPL "String Number" (the `value` of an issued-currency amount).
struct IssuedValue: Equatable {
    var isNegative: Bool
    var isZero: Bool
    /// Number of significant digits.
    var precision: Int
    /// Normalised exponent as in the binary codec (mantissa of 16 digits): position - 15.
    var exponent: Int

    enum ParseError: Error, Equatable {
        case syntax
        case precision(Int)
        case exponentTooLarge
        case exponentTooSmall
    }

    /// Parses `-?(digits[.digits]|.digits)([eE][-+]?digits)?`, checking precision ≤ 16 and exponent -96…80.
    static func parse(_ text: String) -> Result<IssuedValue, ParseError> {
        let u = Array(text.utf8)
        var i = 0
        var negative = false
        if i < u.count && u[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        var digits: [UInt8] = []
        var pointIndex: Int?  // number of digits before the decimal point
        var sawDigit = false
        while i < u.count {
            let b = u[i]
            if b >= 0x30 && b <= 0x39 { digits.append(b - 0x30); sawDigit = true; i += 1; continue }
            if b == UInt8(ascii: ".") && pointIndex == nil { pointIndex = digits.count; i += 1; continue }
            break
        }
        guard sawDigit else { return .failure(.syntax) }
        var exp = 0
        if i < u.count && (u[i] == UInt8(ascii: "e") || u[i] == UInt8(ascii: "E")) {
            i += 1
            var expNegative = false
            if i < u.count && (u[i] == UInt8(ascii: "+") || u[i] == UInt8(ascii: "-")) { expNegative = u[i] == UInt8(ascii: "-"); i += 1 }
            var sawExpDigit = false
            while i < u.count, u[i] >= 0x30 && u[i] <= 0x39 {
                if exp < 100_000 { exp = exp * 10 + Int(u[i] - 0x30) }
                sawExpDigit = true
                i += 1
            }
            guard sawExpDigit else { return .failure(.syntax) }
            if expNegative { exp = -exp }
        }
        guard i == u.count else { return .failure(.syntax) }
        let intDigits = pointIndex ?? digits.count
        guard let first = digits.firstIndex(where: { $0 != 0 }) else {
            return .success(IssuedValue(isNegative: negative, isZero: true, precision: 0, exponent: 0))
        }
        let last = digits.lastIndex(where: { $0 != 0 })!
        let precision = last - first + 1
        // Decimal exponent of the most significant digit.
        let leading = intDigits - first - 1 + exp
        let normalised = leading - 15
        if precision > 16 { return .failure(.precision(precision)) }
        if normalised > 80 { return .failure(.exponentTooLarge) }
        if normalised < -96 { return .failure(.exponentTooSmall) }
        return .success(IssuedValue(isNegative: negative, isZero: false, precision: precision, exponent: normalised))
    }
}
