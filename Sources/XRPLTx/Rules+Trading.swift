/// TrustSet, OfferCreate and OfferCancel rules (XRPL-TXJSON.md §2).
extension ValidationContext {
    mutating func checkTrustSet(_ r: FieldReader) {
        if let limit = r.requireField("LimitAmount", &self, type: "TrustSet") {
            let rules = AmountRules(allowXRP: false, allowIssued: true, allowMPT: false, allowZero: true, warnTinyXRP: false)
            if let info = checkAmount(limit, path: r.path("LimitAmount"), rules: rules),
               let account = r.string("Account"), info.issuer == account {
                error(r.path("LimitAmount") + ".issuer", "a trust line to your own account is not allowed (issuer equals Account)")
            }
        }
        let flags = r.uint32("Flags") ?? 0
        mutuallyExclusive(flags, 0x0002_0000, 0x0004_0000, "tfSetNoRipple", "tfClearNoRipple", r)
        mutuallyExclusive(flags, 0x0010_0000, 0x0020_0000, "tfSetFreeze", "tfClearFreeze", r)
        mutuallyExclusive(flags, 0x0040_0000, 0x0080_0000, "tfSetDeepFreeze", "tfClearDeepFreeze", r)
    }

    mutating func checkOfferCreate(_ r: FieldReader) {
        let gets = r.requireField("TakerGets", &self, type: "OfferCreate").flatMap { checkAmount($0, path: r.path("TakerGets")) }
        let pays = r.requireField("TakerPays", &self, type: "OfferCreate").flatMap { checkAmount($0, path: r.path("TakerPays")) }
        if let gets, let pays {
            if gets.isXRP && pays.isXRP {
                error(r.path("TakerPays"), "an offer cannot trade XRP for XRP")
            } else if gets.kind == pays.kind && !gets.isXRP && gets.currency == pays.currency && gets.issuer == pays.issuer {
                error(r.path("TakerPays"), "TakerGets and TakerPays are the same asset")
            }
        }
        let flags = r.uint32("Flags") ?? 0
        mutuallyExclusive(flags, 0x0002_0000, 0x0004_0000, "tfImmediateOrCancel", "tfFillOrKill", r)
        if flags & 0x0010_0000 != 0 && !r.has("DomainID") {
            error(r.path("Flags"), "the tfHybrid flag requires DomainID")
        }
    }

    mutating func checkOfferCancel(_ r: FieldReader) {
        _ = r.requireField("OfferSequence", &self, type: "OfferCancel")
    }

    /// Reports two flags that must not be set together.
    mutating func mutuallyExclusive(_ flags: UInt32, _ a: UInt32, _ b: UInt32, _ nameA: String, _ nameB: String, _ r: FieldReader) {
        if flags & a != 0 && flags & b != 0 {
            error(r.path("Flags"), "\(nameA) and \(nameB) cannot both be set")
        }
    }
}
