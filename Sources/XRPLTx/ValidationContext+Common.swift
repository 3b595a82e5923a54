/// Common-field rules (XRPL-TXJSON.md §1 and §6 step 2, Xumm handling §1.3).
extension ValidationContext {
    /// Checks every common or catalogued field present in a transaction object.
    mutating func checkCommonFields(_ r: FieldReader, type: String?) {
        for member in r.members {
            let key = member.key
            let value = member.value
            let path = r.path(key)
            if FieldCatalog.addresses.contains(key) {
                checkAddress(value, path: path)
            } else if FieldCatalog.uint32.contains(key) {
                checkUInt(value, path: path)
            } else if let max = FieldCatalog.uint16[key] {
                checkUInt(value, path: path, max: max, bits: 16)
            } else if FieldCatalog.uint8.contains(key) {
                checkUInt(value, path: path, max: 255, bits: 8)
            } else if FieldCatalog.hash256.contains(key) {
                checkHash(value, path: path)
            } else if FieldCatalog.signingFields.contains(key) {
                if key == "Signers", case .array(let a) = value, a.isEmpty {
                    error(path, "Signers must not be an empty array; leave it out (it is added when signing)")
                } else {
                    warning(path, "\(key) is added when signing; leave it out of a sign request")
                }
            } else if !FieldCatalog.known.contains(key), let proper = FieldCatalog.knownByLowercase[key.lowercased()] {
                error(path, "unknown field \"\(key)\": field names are case-sensitive, did you mean \"\(proper)\"?")
            }
            switch key {
            case "Fee": checkFee(value, path: path)
            case "Flags": checkFlags(value, path: path, type: type)
            case "Memos": checkMemos(value, path: path)
            default: break
            }
        }
        if case .number(let t)? = r["NetworkID"], let id = NumberText.integer(t), id >= 0, id <= 1024 {
            error(r.path("NetworkID"), "NetworkID must be omitted for networks with ID 1024 or less (Mainnet 0, Testnet 1, Devnet 2)")
        }
        if let lls = r.uint32("LastLedgerSequence"), lls < 32570 {
            warning(r.path("LastLedgerSequence"), "LastLedgerSequence \(lls) is below 32570: Xaman treats it as relative (current ledger + \(lls))")
        }
        if r.has("TicketSequence") {
            if let seq = r.uint32("Sequence"), seq != 0 {
                error(r.path("Sequence"), "Sequence must be 0 when TicketSequence is set")
            }
            if r.has("AccountTxnID") {
                error(r.path("AccountTxnID"), "AccountTxnID cannot be used with TicketSequence")
            }
        }
        if let delegate = r.string("Delegate"), delegate == r.string("Account") {
            error(r.path("Delegate"), "Account and Delegate must not be the same address")
        }
    }

    /// `Fee`: a drops string.
    mutating func checkFee(_ value: JSONValue, path: String) {
        guard case .string(let s) = value else {
            error(path, "Fee must be a string of drops, e.g. \"12\", not \(value.kindDescription)")
            return
        }
        guard let info = checkDrops(s, path: path, rules: AmountRules(allowIssued: false, allowMPT: false, allowZero: true, warnTinyXRP: false), what: "Fee") else { return }
        if info.drops > 1_000_000 {
            warning(path, "Fee of \(info.drops) drops is more than 1 XRP: fees are in drops (12 drops is typical)")
        }
    }

    /// `Flags`: a UInt32 number with no bits outside the type's flags and the global ones.
    mutating func checkFlags(_ value: JSONValue, path: String, type: String?) {
        if case .object = value {
            error(path, "Flags must be a number; the {\"tfName\": true} form is an xrpl.js convenience, not XRPL JSON")
            return
        }
        guard let flags = checkUInt(value, path: path) else { return }
        if flags & TransactionTypes.tfInnerBatchTxn != 0 && type != "Batch" {
            error(path, "flag 0x40000000 (tfInnerBatchTxn) is only for Batch inner transactions")
        }
        guard let type, let allowed = TransactionTypes.typeFlags[type] else { return }
        let unknown = flags & ~(allowed | TransactionTypes.tfFullyCanonicalSig | TransactionTypes.tfInnerBatchTxn)
        if unknown != 0 {
            error(path, "Flags sets bits 0x\(String(unknown, radix: 16, uppercase: true)) that are not defined for \(type)")
        }
    }

    /// `Memos`: `[{"Memo": {MemoType?, MemoData?, MemoFormat?}}]`, hex fields, at most 1 KB.
    mutating func checkMemos(_ value: JSONValue, path: String) {
        guard case .array(let memos) = value else {
            error(path, "Memos must be an array of {\"Memo\": {...}} objects, not \(value.kindDescription)")
            return
        }
        var size = 2
        for (i, wrapper) in memos.enumerated() {
            let wrapperPath = path + "[\(i)]"
            guard case .object(let outer) = wrapper, outer.count == 1, outer[0].key == "Memo" else {
                error(wrapperPath, "each Memos entry must be an object with exactly one key \"Memo\"")
                continue
            }
            let memoPath = join(wrapperPath, "Memo")
            guard case .object(let fields) = outer[0].value else {
                error(memoPath, "Memo must be an object with MemoType, MemoData and/or MemoFormat")
                continue
            }
            if fields.isEmpty { error(memoPath, "Memo must contain at least one of MemoType, MemoData, MemoFormat") }
            size += 2
            for field in fields {
                let fieldPath = join(memoPath, field.key)
                guard ["MemoType", "MemoData", "MemoFormat"].contains(field.key) else {
                    error(fieldPath, "unexpected field \"\(field.key)\" in a Memo (only MemoType, MemoData, MemoFormat)")
                    continue
                }
                guard let bytes = checkBlob(field.value, path: fieldPath) else { continue }
                size += 1 + (bytes.count <= 192 ? 1 : 2) + bytes.count
                if field.key != "MemoData", !bytes.allSatisfy(Self.isURLByte) {
                    warning(fieldPath, "\(field.key) should decode to URL characters only (A-Z a-z 0-9 -._~:/?#[]@!$&'()*+,;=%)")
                }
            }
        }
        if size > 1024 {
            error(path, "Memos are \(size) bytes when serialised; the maximum is 1024")
        }
    }

    static func isURLByte(_ b: UInt8) -> Bool {
        if (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) { return true }
        return "-._~:/?#[]@!$&'()*+,;=%".utf8.contains(b)
    }
}
