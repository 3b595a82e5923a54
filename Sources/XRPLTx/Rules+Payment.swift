/// Payment and PaymentChannelAuthorize rules (XRPL-TXJSON.md §2 Payment, Xumm pseudo-transactions).
extension ValidationContext {
    static let tfNoRippleDirect: UInt32 = 0x0001_0000
    static let tfPartialPayment: UInt32 = 0x0002_0000
    static let tfLimitQuality: UInt32 = 0x0004_0000

    mutating func checkPayment(_ r: FieldReader) {
        let type = "Payment"
        var amount: AmountInfo?
        if !r.has("Amount") && !r.has("DeliverMax") {
            error(r.path("Amount"), "missing required field Amount for Payment", anchor: r.path)
        }
        if let a = r["Amount"] { amount = checkAmount(a, path: r.path("Amount")) }
        if let d = r["DeliverMax"] {
            let info = checkAmount(d, path: r.path("DeliverMax"))
            if let a = r["Amount"] {
                if a != d { error(r.path("DeliverMax"), "Amount and DeliverMax must be equal when both are given") }
            } else {
                amount = info
            }
        }
        let destination = r.requireField("Destination", &self, type: type)
        let account = r.string("Account")
        let flags = r.uint32("Flags") ?? 0
        var sendMax: AmountInfo?
        if let s = r["SendMax"] { sendMax = checkAmount(s, path: r.path("SendMax")) }
        if let dm = r["DeliverMin"] {
            checkAmount(dm, path: r.path("DeliverMin"))
            if flags & Self.tfPartialPayment == 0 {
                error(r.path("DeliverMin"), "DeliverMin requires the tfPartialPayment flag (0x00020000)")
            }
        }
        if let paths = r["Paths"] { checkPaths(paths, path: r.path("Paths")) }
        if let ids = r["CredentialIDs"] { checkCredentialIDs(ids, path: r.path("CredentialIDs")) }
        guard let amount else { return }
        let sendMaxIsXRP = sendMax?.isXRP ?? true
        if amount.isXRP && sendMaxIsXRP {
            if let sm = sendMax, sm.isXRP {
                error(r.path("SendMax"), "SendMax must be omitted for an XRP-to-XRP payment")
            }
            if r.has("Paths") { error(r.path("Paths"), "Paths must be omitted for an XRP-to-XRP payment") }
            if flags & Self.tfPartialPayment != 0 {
                error(r.path("Flags"), "tfPartialPayment is not allowed for an XRP-to-XRP payment")
            }
            if flags & Self.tfNoRippleDirect != 0 {
                error(r.path("Flags"), "tfNoRippleDirect is not allowed for an XRP-to-XRP payment")
            }
            if flags & Self.tfLimitQuality != 0 {
                error(r.path("Flags"), "tfLimitQuality is not allowed for an XRP-to-XRP payment")
            }
        }
        if let account, case .string(let dest)? = destination, account == dest {
            if amount.isXRP {
                error(r.path("Destination"), "an XRP payment cannot be sent to the sending account itself")
            } else if sendMax == nil {
                error(r.path("SendMax"), "a payment to yourself is a currency conversion and needs SendMax", anchor: r.path)
            }
        }
    }

    /// `Paths`: a non-empty array of non-empty arrays of steps with account/currency/issuer.
    mutating func checkPaths(_ value: JSONValue, path: String) {
        guard case .array(let paths) = value, !paths.isEmpty else {
            error(path, "Paths must be a non-empty array of paths")
            return
        }
        for (i, p) in paths.enumerated() {
            let pPath = path + "[\(i)]"
            guard case .array(let steps) = p, !steps.isEmpty else {
                error(pPath, "each path must be a non-empty array of steps")
                continue
            }
            for (j, step) in steps.enumerated() {
                let sPath = pPath + "[\(j)]"
                guard case .object(let members) = step else { error(sPath, "a path step must be an object"); continue }
                let s = FieldReader(members: members, path: sPath)
                if !s.has("account") && !s.has("currency") && !s.has("issuer") {
                    error(sPath, "a path step needs account, currency or issuer")
                }
                for m in members {
                    switch m.key {
                    case "account", "issuer": checkAddress(m.value, path: s.path(m.key))
                    case "currency":
                        if m.value.stringValue != "XRP" { checkCurrencyCode(m.value, path: s.path(m.key)) }
                    case "type", "type_hex": break
                    default: error(s.path(m.key), "unexpected field \"\(m.key)\" in a path step")
                    }
                }
            }
        }
    }

    /// `CredentialIDs`: 1–8 unique Hash256 strings.
    mutating func checkCredentialIDs(_ value: JSONValue, path: String) {
        guard case .array(let ids) = value, !ids.isEmpty, ids.count <= 8 else {
            error(path, "CredentialIDs must be an array of 1 to 8 credential IDs")
            return
        }
        var seen: Set<String> = []
        for (i, id) in ids.enumerated() {
            if let s = checkHash(id, path: path + "[\(i)]"), !seen.insert(s.uppercased()).inserted {
                error(path + "[\(i)]", "duplicate credential ID")
            }
        }
    }

    mutating func checkPaymentChannelAuthorize(_ r: FieldReader) {
        let type = "PaymentChannelAuthorize"
        _ = r.requireField("Channel", &self, type: type)
        if let a = r.requireField("Amount", &self, type: type) {
            checkAmount(a, path: r.path("Amount"), rules: .xrpOnly)
        }
        warnAutofill(r, type: type)
    }

    mutating func checkSignIn(_ r: FieldReader) {
        warnAutofill(r, type: "SignIn")
    }

    /// Xumm pseudo types are never submitted: Fee/Sequence/LastLedgerSequence make no sense there.
    mutating func warnAutofill(_ r: FieldReader, type: String) {
        for key in ["Fee", "Sequence", "LastLedgerSequence"] where r.has(key) {
            warning(r.path(key), "\(type) is a Xumm pseudo transaction that is never submitted; leave \(key) out")
        }
    }
}
