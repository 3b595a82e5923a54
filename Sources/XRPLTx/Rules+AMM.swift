/// AMMDeposit / AMMWithdraw rules (XRPL-TXJSON.md §2, brief).
extension ValidationContext {
    mutating func checkAMMDeposit(_ r: FieldReader) {
        checkAMMCommon(r, type: "AMMDeposit", lpField: "LPTokenOut")
        if !r.has("LPTokenOut") && !r.has("Amount") {
            error(r.path("Amount"), "AMMDeposit needs at least one of LPTokenOut or Amount", anchor: r.path)
        }
    }

    mutating func checkAMMWithdraw(_ r: FieldReader) {
        checkAMMCommon(r, type: "AMMWithdraw", lpField: "LPTokenIn")
    }

    private mutating func checkAMMCommon(_ r: FieldReader, type: String, lpField: String) {
        var assets: [String] = []
        for key in ["Asset", "Asset2"] {
            if let v = r.requireField(key, &self, type: type), let asset = checkIssue(v, path: r.path(key)) { assets.append(asset) }
        }
        if assets.count == 2 && assets[0] == assets[1] {
            error(r.path("Asset2"), "Asset and Asset2 must be different")
        }
        for key in ["Amount", "Amount2", "EPrice"] {
            if let v = r[key] { checkAmount(v, path: r.path(key)) }
        }
        if let lp = r[lpField] { checkAmount(lp, path: r.path(lpField), rules: .issuedOnly) }
        if r.has("Amount2") && !r.has("Amount") { error(r.path("Amount2"), "Amount2 requires Amount") }
        if r.has("EPrice") && !r.has("Amount") { error(r.path("EPrice"), "EPrice requires Amount") }
    }
}
