/// What a valid Currency Amount turned out to be.
struct AmountInfo: Equatable {
    enum Kind: Equatable { case xrp, issued, mpt }
    var kind: Kind
    var isZero: Bool
    var isNegative: Bool
    /// Drops, for XRP.
    var drops: UInt64 = 0
    /// Currency and issuer for tokens; MPT issuance id for MPT.
    var currency: String = ""
    var issuer: String = ""

    var isXRP: Bool { kind == .xrp }
}

/// Which amount forms a field accepts.
struct AmountRules {
    var allowXRP = true
    var allowIssued = true
    var allowMPT = true
    var allowZero = false
    var allowNegative = false
    /// Warn when an XRP amount looks like it was written in XRP instead of drops.
    var warnTinyXRP = true

    static let any = AmountRules()
    static let xrpOrIssued = AmountRules(allowMPT: false)
    static let xrpOnly = AmountRules(allowIssued: false, allowMPT: false)
    static let issuedOnly = AmountRules(allowXRP: false, allowMPT: false, warnTinyXRP: false)
}
