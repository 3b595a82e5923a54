/// Rules for the payload body around the txjson (XRPL-TXJSON.md / DESIGN.md fact 1).
extension ValidationContext {
    /// Validates `{"txjson": {...}, "options": {...}, "custom_meta": {...}}` (or `txblob`).
    mutating func checkPayload(_ root: JSONValue) {
        guard case .object(let members) = root else {
            error("", "a payload body must be a JSON object, not \(root.kindDescription)")
            return
        }
        let r = FieldReader(members: members, path: "")
        switch (r["txjson"], r["txblob"]) {
        case (nil, nil):
            error("txjson", "a payload needs txjson (or txblob)", anchor: "")
        case (.some, .some):
            error("txblob", "give either txjson or txblob, not both")
        case (let tx?, nil):
            checkTransaction(tx, path: "txjson")
        case (nil, let blob?):
            checkBlob(blob, path: "txblob")
        }
        if let token = r["user_token"], token.stringValue == nil, token != .null {
            error("user_token", "user_token must be a string")
        }
        if let options = r["options"] { checkOptions(options) }
        if let meta = r["custom_meta"] { checkCustomMeta(meta) }
        for m in members where !["txjson", "txblob", "user_token", "options", "custom_meta"].contains(m.key) {
            warning(m.key, "unknown payload field \"\(m.key)\" (expected txjson, txblob, user_token, options, custom_meta)")
        }
    }

    private mutating func checkOptions(_ value: JSONValue) {
        guard let members = checkObject(value, path: "options") else { return }
        let r = FieldReader(members: members, path: "options")
        for m in members {
            let p = r.path(m.key)
            switch m.key {
            case "expire":
                if case .number(let t) = m.value, let minutes = Double(t), minutes > 0, minutes.isFinite {
                    break
                }
                error(p, "expire must be a positive number of minutes")
            case "submit", "multisign", "pathfinding", "pathfinding_fallback", "immutable", "forceAccount":
                if case .bool = m.value {} else { error(p, "\(m.key) must be true or false") }
            case "return_url":
                guard let urls = checkObject(m.value, path: p) else { continue }
                for u in urls where u.value.stringValue == nil {
                    error(join(p, u.key), "return_url.\(u.key) must be a string")
                }
            case "signers":
                guard case .array(let list) = m.value else { error(p, "signers must be an array of classic addresses"); continue }
                for (i, s) in list.enumerated() { checkAddress(s, path: p + "[\(i)]") }
            case "force_network":
                if m.value.stringValue == nil { error(p, "force_network must be a string such as \"MAINNET\"") }
            default:
                break
            }
        }
    }

    private mutating func checkCustomMeta(_ value: JSONValue) {
        guard let members = checkObject(value, path: "custom_meta") else { return }
        let limits: [String: Int] = ["identifier": 40, "instruction": 280, "blob": 1500]
        for m in members {
            let p = join("custom_meta", m.key)
            guard let limit = limits[m.key] else {
                warning(p, "unknown custom_meta field \"\(m.key)\" (expected identifier, instruction, blob)")
                continue
            }
            let length: Int
            switch m.value {
            case .string(let s): length = s.count
            case .null: continue
            case .object, .array:
                guard m.key == "blob" else { error(p, "\(m.key) must be a string"); continue }
                length = JSONPrinter.compact(m.value).count
            default:
                error(p, "\(m.key) must be a string")
                continue
            }
            if length > limit {
                error(p, "\(m.key) is \(length) characters; the maximum is \(limit)")
            }
        }
    }
}
