/// Validation of one txjson object, in the order of XRPL-TXJSON.md §6.
extension ValidationContext {
    /// Amount fields checked generically for types without type-specific rules.
    static let genericAmountFields: Set<String> = [
        "Amount", "Amount2", "SendMax", "DeliverMin", "DeliverMax", "TakerGets", "TakerPays", "LimitAmount",
        "NFTokenBrokerFee", "EPrice", "LPTokenOut", "LPTokenIn", "BidMin", "BidMax", "Balance",
    ]

    /// Validates the transaction object `value` found at `path`.
    mutating func checkTransaction(_ value: JSONValue, path: String) {
        guard case .object(let members) = value else {
            error(path, "a transaction must be a JSON object, not \(value.kindDescription)")
            return
        }
        markPlaceholders(value, path: path)
        let r = FieldReader(members: members, path: path)

        // 1. TransactionType.
        var type: String?
        if let t = r["TransactionType"] {
            if case .string(let name) = t {
                if TransactionTypes.isKnown(name) {
                    type = name
                } else if let hint = TransactionTypes.suggestion(for: name) {
                    error(r.path("TransactionType"), "unknown TransactionType \"\(name)\": did you mean \"\(hint)\"?")
                } else {
                    error(r.path("TransactionType"), "unknown TransactionType \"\(name)\"")
                }
            } else {
                error(r.path("TransactionType"), "TransactionType must be a string, not \(t.kindDescription)")
            }
        } else {
            error(r.path("TransactionType"), "missing required field TransactionType", anchor: path)
        }

        // 2. Common fields.
        checkCommonFields(r, type: type)

        // 3 + 4. Per-type fields and amounts.
        guard let type else { return }
        switch type {
        case "Payment": checkPayment(r)
        case "TrustSet": checkTrustSet(r)
        case "OfferCreate": checkOfferCreate(r)
        case "OfferCancel": checkOfferCancel(r)
        case "AccountSet": checkAccountSet(r)
        case "SetRegularKey": checkSetRegularKey(r)
        case "SignerListSet": checkSignerListSet(r)
        case "EscrowCreate": checkEscrowCreate(r)
        case "EscrowFinish": checkEscrowFinish(r)
        case "EscrowCancel": checkEscrowCancel(r)
        case "CheckCreate": checkCheckCreate(r)
        case "CheckCash": checkCheckCash(r)
        case "CheckCancel": checkCheckCancel(r)
        case "NFTokenMint": checkNFTokenMint(r)
        case "NFTokenCreateOffer": checkNFTokenCreateOffer(r)
        case "NFTokenAcceptOffer": checkNFTokenAcceptOffer(r)
        case "NFTokenCancelOffer": checkNFTokenCancelOffer(r)
        case "NFTokenBurn": checkNFTokenBurn(r)
        case "AMMDeposit": checkAMMDeposit(r)
        case "AMMWithdraw": checkAMMWithdraw(r)
        case "PaymentChannelAuthorize": checkPaymentChannelAuthorize(r)
        case "SignIn": checkSignIn(r)
        default:
            for m in members where Self.genericAmountFields.contains(m.key) {
                checkAmount(m.value, path: r.path(m.key), rules: AmountRules(allowZero: true, warnTinyXRP: false))
            }
            if TransactionTypes.ledgerPseudo.contains(type) {
                error(r.path("TransactionType"), "\(type) is a ledger pseudo-transaction that only validators create; a user cannot sign it")
            } else {
                warning(r.path("TransactionType"), "only common fields and amounts are checked for \(type); it has no type-specific rules here")
            }
        }

        // 5. Xumm-specific handling.
        if TransactionTypes.limited.contains(type) {
            warning(r.path("TransactionType"), "Xaman limits \(type): it needs special permission for user security, so users may be unable to sign it")
        }
    }

    /// Finds unfilled placeholder strings like "<DESTINATION ADDRESS>", reports them and mutes other findings there.
    mutating func markPlaceholders(_ value: JSONValue, path: String) {
        switch value {
        case .string(let s):
            if Self.isPlaceholder(s) {
                error(path, "placeholder \(s) must be filled in")
                placeholderPaths.insert(path)
            }
        case .object(let members):
            for m in members { markPlaceholders(m.value, path: join(path, m.key)) }
        case .array(let elements):
            for (i, e) in elements.enumerated() { markPlaceholders(e, path: path + "[\(i)]") }
        default:
            break
        }
    }

    /// A placeholder is a string that starts with `<` and ends with `>`.
    static func isPlaceholder(_ s: String) -> Bool {
        s.utf8.count >= 3 && s.utf8.first == UInt8(ascii: "<") && s.utf8.last == UInt8(ascii: ">")
    }
}
