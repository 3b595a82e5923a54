/// AccountSet, SetRegularKey and SignerListSet rules (XRPL-TXJSON.md §2).
extension ValidationContext {
    static let asfFlags: Set<UInt32> = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17]
    static let asfAuthorizedNFTokenMinter: UInt32 = 10

    mutating func checkAccountSet(_ r: FieldReader) {
        let setFlag = r.uint32("SetFlag")
        let clearFlag = r.uint32("ClearFlag")
        if let setFlag, !Self.asfFlags.contains(setFlag) {
            error(r.path("SetFlag"), "SetFlag \(setFlag) is not a defined account flag (1-10, 12-17)")
        }
        if let clearFlag, !Self.asfFlags.contains(clearFlag) {
            error(r.path("ClearFlag"), "ClearFlag \(clearFlag) is not a defined account flag (1-10, 12-17)")
        }
        if let setFlag, setFlag == clearFlag {
            error(r.path("ClearFlag"), "SetFlag and ClearFlag must not be the same flag")
        }
        if r.has("NFTokenMinter") && setFlag != Self.asfAuthorizedNFTokenMinter && clearFlag != Self.asfAuthorizedNFTokenMinter {
            error(r.path("NFTokenMinter"), "NFTokenMinter requires SetFlag 10 (asfAuthorizedNFTokenMinter)")
        }
        if setFlag == Self.asfAuthorizedNFTokenMinter && !r.has("NFTokenMinter") {
            error(r.path("NFTokenMinter"), "SetFlag 10 (asfAuthorizedNFTokenMinter) requires NFTokenMinter", anchor: r.path("SetFlag"))
        }
        if let domain = r["Domain"] {
            let path = r.path("Domain")
            if case .string(let s) = domain, !s.isEmpty, !Hex.isHex(s) {
                error(path, "Domain must be the hex encoding of the domain, e.g. \"\(Hex.encode(Array(s.lowercased().utf8)))\" for \(s.lowercased())")
            } else if let bytes = checkBlob(domain, path: path, maxBytes: 256, allowEmpty: true),
                      bytes.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) {
                warning(path, "Domain should be the lower-case ASCII domain")
            }
        }
        if let e = r["EmailHash"] { checkHash(e, path: r.path("EmailHash"), hexLength: 32) }
        if let m = r["MessageKey"], let bytes = checkBlob(m, path: r.path("MessageKey"), allowEmpty: true), !bytes.isEmpty, bytes.count != 33 {
            error(r.path("MessageKey"), "MessageKey must be a 33-byte public key (66 hex digits), or empty to remove it")
        }
        if let rate = r.uint32("TransferRate"), rate != 0, !(1_000_000_000...2_000_000_000).contains(rate) {
            error(r.path("TransferRate"), "TransferRate must be 0 or between 1000000000 and 2000000000")
        }
        if let tick = r.uint32("TickSize"), tick != 0, !(3...15).contains(tick) {
            error(r.path("TickSize"), "TickSize must be 0 or between 3 and 15")
        }
        let flags = r.uint32("Flags") ?? 0
        mutuallyExclusive(flags, 0x0001_0000, 0x0002_0000, "tfRequireDestTag", "tfOptionalDestTag", r)
        mutuallyExclusive(flags, 0x0004_0000, 0x0008_0000, "tfRequireAuth", "tfOptionalAuth", r)
        mutuallyExclusive(flags, 0x0010_0000, 0x0020_0000, "tfDisallowXRP", "tfAllowXRP", r)
    }

    mutating func checkSetRegularKey(_ r: FieldReader) {
        if let key = r["RegularKey"], case .string(let s) = key, s == r.string("Account") {
            error(r.path("RegularKey"), "RegularKey must not be the account's own address")
        }
    }

    mutating func checkSignerListSet(_ r: FieldReader) {
        let type = "SignerListSet"
        guard r.requireField("SignerQuorum", &self, type: type) != nil else { return }
        let quorum = r.uint32("SignerQuorum")
        let entriesPath = r.path("SignerEntries")
        guard let entries = r["SignerEntries"] else {
            if let quorum, quorum != 0 {
                error(entriesPath, "missing required field SignerEntries (omit it only with SignerQuorum 0 to delete the list)", anchor: r.path)
            }
            return
        }
        if quorum == 0 {
            error(entriesPath, "SignerEntries must be omitted when SignerQuorum is 0 (that deletes the signer list)")
            return
        }
        guard case .array(let list) = entries else {
            error(entriesPath, "SignerEntries must be an array")
            return
        }
        if list.isEmpty { error(entriesPath, "SignerEntries needs at least 1 member"); return }
        if list.count > 32 { error(entriesPath, "SignerEntries allows at most 32 members, got \(list.count)") }
        var seen: Set<String> = []
        var totalWeight: UInt64 = 0
        for (i, entry) in list.enumerated() {
            let ePath = entriesPath + "[\(i)]"
            guard case .object(let outer) = entry, outer.count == 1, outer[0].key == "SignerEntry",
                  case .object(let fields) = outer[0].value else {
                error(ePath, "each entry must be {\"SignerEntry\": {\"Account\", \"SignerWeight\"}}")
                continue
            }
            let s = FieldReader(members: fields, path: join(ePath, "SignerEntry"))
            if let a = s.requireField("Account", &self, type: "a SignerEntry"), let addr = checkAddress(a, path: s.path("Account")) {
                if addr == r.string("Account") { error(s.path("Account"), "an account cannot be a signer on its own list") }
                if !seen.insert(addr).inserted { error(s.path("Account"), "duplicate signer \(addr)") }
            }
            if let w = s.requireField("SignerWeight", &self, type: "a SignerEntry"), let weight = checkUInt(w, path: s.path("SignerWeight"), max: 65535, bits: 16) {
                if weight == 0 { error(s.path("SignerWeight"), "SignerWeight must be greater than 0") }
                totalWeight += UInt64(weight)
            }
            if let wl = s["WalletLocator"] { checkHash(wl, path: s.path("WalletLocator")) }
            for m in fields where !["Account", "SignerWeight", "WalletLocator"].contains(m.key) {
                error(s.path(m.key), "unexpected field \"\(m.key)\" in a SignerEntry")
            }
        }
        if let quorum, totalWeight > 0, UInt64(quorum) > totalWeight {
            error(r.path("SignerQuorum"), "SignerQuorum \(quorum) is more than the total signer weight \(totalWeight): the list could never sign")
        }
    }
}
