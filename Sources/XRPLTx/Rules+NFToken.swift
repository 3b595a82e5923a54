/// NFToken rules (XRPL-TXJSON.md §2 NFTokenMint, NFTokenCreateOffer, NFTokenAcceptOffer, NFTokenBurn).
extension ValidationContext {
    static let tfSellNFToken: UInt32 = 0x1
    static let tfTransferable: UInt32 = 0x8

    mutating func checkNFTokenMint(_ r: FieldReader) {
        let type = "NFTokenMint"
        _ = r.requireField("NFTokenTaxon", &self, type: type)
        let account = r.string("Account")
        if let issuer = r.string("Issuer"), issuer == account {
            error(r.path("Issuer"), "Issuer must not be the same as Account (omit it to mint for yourself)")
        }
        if let fee = r.uint32("TransferFee"), fee > 0, (r.uint32("Flags") ?? 0) & Self.tfTransferable == 0 {
            error(r.path("TransferFee"), "a TransferFee requires the tfTransferable flag (8)")
        }
        if let uri = r["URI"] { checkBlob(uri, path: r.path("URI"), maxBytes: 256) }
        if let a = r["Amount"] {
            checkAmount(a, path: r.path("Amount"), rules: AmountRules(allowZero: true))
        } else {
            for key in ["Expiration", "Destination"] where r.has(key) {
                error(r.path(key), "\(key) requires Amount in NFTokenMint")
            }
        }
        if let d = r.string("Destination"), d == account {
            error(r.path("Destination"), "Destination must not be the same as Account")
        }
    }

    mutating func checkNFTokenCreateOffer(_ r: FieldReader) {
        let type = "NFTokenCreateOffer"
        _ = r.requireField("NFTokenID", &self, type: type)
        let isSell = (r.uint32("Flags") ?? 0) & Self.tfSellNFToken != 0
        let account = r.string("Account")
        if let a = r.requireField("Amount", &self, type: type),
           let info = checkAmount(a, path: r.path("Amount"), rules: AmountRules(allowZero: true)) {
            if info.isZero && !(isSell && info.isXRP) {
                error(r.path("Amount"), isSell ? "a zero Amount is only allowed for an XRP sell offer"
                                              : "Amount must be greater than 0 for buy offers")
            }
        }
        if isSell && r.has("Owner") {
            error(r.path("Owner"), "a sell offer (tfSellNFToken) must not have Owner")
        }
        if !isSell && !r.has("Owner") {
            error(r.path("Owner"), "Owner must be present for buy offers (the NFT holder's address)", anchor: r.path)
        }
        if let owner = r.string("Owner"), owner == account {
            error(r.path("Owner"), "Owner and Account must not be equal")
        }
        if let d = r.string("Destination"), d == account {
            error(r.path("Destination"), "Destination and Account must not be equal")
        }
    }

    mutating func checkNFTokenAcceptOffer(_ r: FieldReader) {
        let sell = r.has("NFTokenSellOffer")
        let buy = r.has("NFTokenBuyOffer")
        if !sell && !buy {
            error(r.path("NFTokenSellOffer"), "NFTokenAcceptOffer needs NFTokenSellOffer or NFTokenBuyOffer", anchor: r.path)
        }
        if let fee = r["NFTokenBrokerFee"] {
            let path = r.path("NFTokenBrokerFee")
            if !(sell && buy) { error(path, "NFTokenBrokerFee is only for brokered mode: give both NFTokenSellOffer and NFTokenBuyOffer") }
            if let info = checkAmount(fee, path: path, rules: AmountRules(allowZero: true, warnTinyXRP: false)), info.isZero {
                error(path, "NFTokenBrokerFee must be greater than 0; omit it if there is no fee")
            }
        }
    }

    mutating func checkNFTokenCancelOffer(_ r: FieldReader) {
        guard let offers = r.requireField("NFTokenOffers", &self, type: "NFTokenCancelOffer") else { return }
        let path = r.path("NFTokenOffers")
        guard case .array(let list) = offers else { error(path, "NFTokenOffers must be an array of offer IDs"); return }
        if list.isEmpty { error(path, "NFTokenOffers must not be empty") }
        for (i, id) in list.enumerated() { checkHash(id, path: path + "[\(i)]") }
    }

    mutating func checkNFTokenBurn(_ r: FieldReader) {
        _ = r.requireField("NFTokenID", &self, type: "NFTokenBurn")
    }
}
