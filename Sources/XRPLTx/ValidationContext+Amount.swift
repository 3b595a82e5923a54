/// Currency Amount checks: XRP drops strings, issued-currency objects and MPT amounts.
extension ValidationContext {
    static let maxDrops: UInt64 = 100_000_000_000_000_000
    static let maxMPT: UInt64 = 0x7FFF_FFFF_FFFF_FFFF

    /// Checks a Currency Amount; returns what it is when it is well formed.
    @discardableResult
    mutating func checkAmount(_ value: JSONValue, path: String, rules: AmountRules = .any) -> AmountInfo? {
        switch value {
        case .string(let s):
            guard rules.allowXRP else {
                error(path, rules.allowMPT ? "must be a token or MPT amount object, not an XRP drops string"
                                           : "must be a token amount object {\"currency\", \"issuer\", \"value\"}, not an XRP drops string")
                return nil
            }
            return checkDrops(s, path: path, rules: rules)
        case .number(let text):
            if rules.allowXRP {
                error(path, "XRP amounts must be a string of drops (1 XRP = 1,000,000 drops), e.g. \"\(text)\" in quotes")
            } else {
                error(path, "must be an amount object, not a number")
            }
            return nil
        case .object(let members):
            let reader = FieldReader(members: members, path: path)
            if reader.has("mpt_issuance_id") { return checkMPT(reader, path: path, rules: rules) }
            return checkIssued(reader, path: path, rules: rules)
        default:
            error(path, "must be a Currency Amount (a drops string or an amount object), not \(value.kindDescription)")
            return nil
        }
    }

    /// Checks an XRP drops string.
    mutating func checkDrops(_ s: String, path: String, rules: AmountRules, what: String = "XRP amount") -> AmountInfo? {
        let u = s.utf8
        if u.isEmpty { error(path, "\(what) must not be empty: give drops, e.g. \"1000000\" for 1 XRP"); return nil }
        if u.first == UInt8(ascii: "-") { error(path, "\(what) must not be negative"); return nil }
        if u.contains(UInt8(ascii: ".")) {
            var hint = ""
            if let xrp = Double(s), xrp.isFinite, xrp >= 0, xrp * 1_000_000 < 1e17, (xrp * 1_000_000).rounded() == xrp * 1_000_000 {
                hint = ": if you meant \(s) XRP, write \"\(UInt64(xrp * 1_000_000))\""
            }
            error(path, "\(what) must be whole drops without a decimal point (1 XRP = 1,000,000 drops)\(hint)")
            return nil
        }
        guard u.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            error(path, "\(what) must be a string of digits (drops), got \"\(s.prefix(24))\"")
            return nil
        }
        guard u.count <= 18, let drops = UInt64(s), drops <= Self.maxDrops else {
            error(path, "\(what) is larger than the maximum of 100000000000000000 drops (10^11 XRP)")
            return nil
        }
        if drops == 0 && !rules.allowZero { error(path, "\(what) must be greater than zero"); return nil }
        if rules.warnTinyXRP && drops > 0 && drops < 1000 {
            warning(path, "\(drops) drops is only \(formatXRP(drops)) XRP: amounts are in drops (1 XRP = 1,000,000 drops)")
        }
        return AmountInfo(kind: .xrp, isZero: drops == 0, isNegative: false, drops: drops)
    }

    private mutating func checkIssued(_ r: FieldReader, path: String, rules: AmountRules) -> AmountInfo? {
        if r["currency"]?.stringValue?.uppercased() == "XRP" && !r.has("issuer") {
            error(path, rules.allowXRP ? "XRP must be written as a string of drops, not an object"
                                       : "must be a token amount; XRP is not allowed here")
            return nil
        }
        guard rules.allowIssued else {
            error(path, rules.allowMPT ? "must be an XRP drops string or an MPT amount here" : "must be an XRP amount (a string of drops), not an object")
            return nil
        }
        var ok = true
        for member in r.members where !["currency", "issuer", "value"].contains(member.key) {
            error(join(path, member.key), "unexpected field \"\(member.key)\" in a token amount (only currency, issuer, value)")
            ok = false
        }
        var currency = ""
        if let c = r.requireField("currency", &self, type: "a token amount") {
            if let s = checkCurrencyCode(c, path: r.path("currency")) { currency = s } else { ok = false }
        } else { ok = false }
        var issuer = ""
        if let i = r.requireField("issuer", &self, type: "a token amount") {
            if let s = checkAddress(i, path: r.path("issuer")) { issuer = s } else { ok = false }
        } else { ok = false }
        var parsed: IssuedValue?
        if let v = r.requireField("value", &self, type: "a token amount") {
            parsed = checkIssuedValue(v, path: r.path("value"), rules: rules)
            if parsed == nil { ok = false }
        } else { ok = false }
        guard ok, let parsed else { return nil }
        return AmountInfo(kind: .issued, isZero: parsed.isZero, isNegative: parsed.isNegative, currency: currency, issuer: issuer)
    }

    /// Checks the `value` string of a token amount.
    mutating func checkIssuedValue(_ v: JSONValue, path: String, rules: AmountRules) -> IssuedValue? {
        guard case .string(let s) = v else {
            error(path, "token value must be a string such as \"10.5\", not \(v.kindDescription)")
            return nil
        }
        switch IssuedValue.parse(s) {
        case .failure(.syntax):
            error(path, "\"\(s.prefix(40))\" is not a decimal number (digits, optional '-', '.', and exponent e.g. 1.5e3)")
        case .failure(.precision(let p)):
            error(path, "value precision of \(p) digits is greater than the maximum of 16")
        case .failure(.exponentTooLarge):
            error(path, "value is too large (maximum 9999999999999999e80)")
        case .failure(.exponentTooSmall):
            error(path, "value is too small (minimum non-zero 1000000000000000e-96)")
        case .success(let parsed):
            if parsed.isNegative && !parsed.isZero && !rules.allowNegative {
                error(path, "value must not be negative")
                return nil
            }
            if parsed.isZero && !rules.allowZero {
                error(path, "value must be greater than zero")
                return nil
            }
            return parsed
        }
        return nil
    }

    private mutating func checkMPT(_ r: FieldReader, path: String, rules: AmountRules) -> AmountInfo? {
        guard rules.allowMPT else {
            error(path, "MPT amounts are not allowed here")
            return nil
        }
        var ok = true
        for member in r.members where member.key != "mpt_issuance_id" && member.key != "value" {
            let what = member.key == "issuer" ? "issuer is not valid for an MPT amount" : member.key == "currency" ? "currency is not valid for an MPT amount" : "unexpected field \"\(member.key)\" in an MPT amount"
            error(join(path, member.key), what)
            ok = false
        }
        let id = checkHash(r["mpt_issuance_id"]!, path: r.path("mpt_issuance_id"), hexLength: 48)
        if id == nil { ok = false }
        var amount: UInt64 = 0
        if let v = r.requireField("value", &self, type: "an MPT amount") {
            let vp = r.path("value")
            if case .string(let s) = v {
                if s.hasPrefix("-") { error(vp, "MPT value must not be negative"); ok = false }
                else if s.contains(".") { error(vp, "MPT value must be a whole number (no decimal point)"); ok = false }
                else if s.isEmpty || !s.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { error(vp, "MPT value must be a string of digits"); ok = false }
                else if let n = UInt64(s), n <= Self.maxMPT { amount = n }
                else { error(vp, "MPT value is larger than the maximum 9223372036854775807"); ok = false }
                if ok && amount == 0 && !rules.allowZero { error(vp, "value must be greater than zero"); ok = false }
            } else {
                error(vp, "MPT value must be a string of digits, not \(v.kindDescription)")
                ok = false
            }
        } else { ok = false }
        guard ok, let id else { return nil }
        return AmountInfo(kind: .mpt, isZero: amount == 0, isNegative: false, currency: id)
    }

    /// Checks a currency code of a token; returns it when acceptable.
    @discardableResult
    mutating func checkCurrencyCode(_ value: JSONValue, path: String) -> String? {
        guard case .string(let code) = value else {
            error(path, "currency must be a string, not \(value.kindDescription)")
            return nil
        }
        switch CurrencyCode.check(code) {
        case .valid: return code
        case .validWithWarning(let w): warning(path, w); return code
        case .invalid(let why): error(path, why); return nil
        }
    }

    /// Checks an Issue (currency without value): `{"currency":"XRP"}`, `{currency, issuer}` or `{mpt_issuance_id}`.
    mutating func checkIssue(_ value: JSONValue, path: String) -> String? {
        guard let members = checkObject(value, path: path) else { return nil }
        let r = FieldReader(members: members, path: path)
        if r.has("mpt_issuance_id") {
            guard members.count == 1 else { error(path, "an MPT asset has only mpt_issuance_id"); return nil }
            return checkHash(r["mpt_issuance_id"]!, path: r.path("mpt_issuance_id"), hexLength: 48)
        }
        if r.has("value") { error(r.path("value"), "an asset has no value: give only currency (and issuer)"); return nil }
        guard let c = r.requireField("currency", &self, type: "an asset") else { return nil }
        if c.stringValue == "XRP" {
            if members.count != 1 { error(path, "the XRP asset is just {\"currency\": \"XRP\"}"); return nil }
            return "XRP"
        }
        for m in members where m.key != "currency" && m.key != "issuer" {
            error(join(path, m.key), "unexpected field \"\(m.key)\" in an asset")
        }
        guard let code = checkCurrencyCode(c, path: r.path("currency")) else { return nil }
        guard let i = r.requireField("issuer", &self, type: "a token asset") else { return nil }
        guard let issuer = checkAddress(i, path: r.path("issuer")) else { return nil }
        return code + "/" + issuer
    }

    private func formatXRP(_ drops: UInt64) -> String {
        let whole = drops / 1_000_000
        var frac = String(drops % 1_000_000)
        frac = String(repeating: "0", count: 6 - frac.count) + frac
        while frac.hasSuffix("0") { frac.removeLast() }
        return frac.isEmpty ? "\(whole)" : "\(whole).\(frac)"
    }
}
