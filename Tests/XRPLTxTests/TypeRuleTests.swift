import Testing
@testable import XRPLTx

let hash64 = String(repeating: "A1", count: 32)
let usd = #"{"currency": "USD", "issuer": "\#(Addr.c)", "value": "10"}"#

/// Per-type cases modelled on xrpl.js `packages/xrpl/test/models/<type>.test.ts` (payment, trustSet,
/// offerCreate, offerCancel, accountSet, setRegularKey, signerListSet, escrowCreate, escrowFinish,
/// escrowCancel, checkCreate, checkCash, checkCancel, NFTokenMint, NFTokenCreateOffer,
/// NFTokenAcceptOffer, NFTokenCancelOffer, NFTokenBurn, AMMDeposit, AMMWithdraw) and xrpl-py
/// `tests/unit/models/transactions/test_<type>.py`; messages follow XRPL-TXJSON.md §2.
@Suite("Per-type rules")
struct TypeRuleTests {
    @Test func payment() {
        #expect(hasError(validate(basePayment.without("Amount")), "Amount", "missing"))
        #expect(errors(validate(basePayment.without("Amount").with("DeliverMax", q("5000")))).isEmpty)
        #expect(hasError(validate(basePayment.with("DeliverMax", q("5000"))), "DeliverMax", "equal"))
        #expect(hasError(validate(basePayment.without("Destination")), "Destination", "missing"))
        #expect(hasError(validate(basePayment.with("DeliverMin", q("5000"))), "DeliverMin", "tfPartialPayment"))
        #expect(hasError(validate(basePayment.with("SendMax", q("5000"))), "SendMax", "XRP-to-XRP"))
        #expect(hasError(validate(basePayment.with("Flags", "131072")), "Flags", "tfPartialPayment"))
        #expect(hasError(validate(basePayment.with("Destination", q(Addr.a))), "Destination", "sending account"))
        let token = basePayment.with("Amount", usd)
        #expect(errors(validate(token)).isEmpty)
        #expect(errors(validate(token.with("SendMax", q("20000000")).with("Flags", "131072").with("DeliverMin", usd))).isEmpty)
        #expect(hasError(validate(token.with("Destination", q(Addr.a))), "SendMax", "currency conversion"))
        #expect(hasError(validate(token.with("Paths", "[]")), "Paths", "non-empty"))
        #expect(errors(validate(token.with("Paths", #"[[{"currency": "XRP"}, {"account": "\#(Addr.b)"}]]"#))).isEmpty)
        #expect(hasError(validate(token.with("Paths", #"[[{"foo": 1}]]"#)), "Paths[0][0]"))
        #expect(hasError(validate(token.with("InvoiceID", q("XYZ"))), "InvoiceID", "64 hex"))
    }

    @Test func trustSet() {
        let base: [(String, String)] = [("TransactionType", q("TrustSet")), ("Account", q(Addr.a)), ("LimitAmount", usd)]
        #expect(errors(validate(base)).isEmpty)
        #expect(errors(validate(base.with("LimitAmount", #"{"currency": "USD", "issuer": "\#(Addr.c)", "value": "0"}"#))).isEmpty)
        #expect(hasError(validate(base.without("LimitAmount")), "LimitAmount", "missing"))
        #expect(hasError(validate(base.with("LimitAmount", q("1000"))), "LimitAmount", "token amount"))
        #expect(hasError(validate(base.with("QualityIn", q("5"))), "QualityIn"))
        #expect(hasError(validate(base.with("Flags", String(0x0002_0000 | 0x0004_0000))), "Flags", "cannot both"))
        #expect(hasError(validate(base.with("Flags", "1")), "Flags", "not defined"))
        #expect(hasError(validate(base.with("Account", q(Addr.c))), "LimitAmount.issuer", "own account"))
    }

    @Test func offers() {
        let base: [(String, String)] = [("TransactionType", q("OfferCreate")), ("TakerGets", q("1000000")), ("TakerPays", usd)]
        #expect(errors(validate(base)).isEmpty)
        #expect(hasError(validate(base.without("TakerPays")), "TakerPays", "missing"))
        #expect(hasError(validate(base.with("TakerPays", q("5000"))), "TakerPays", "XRP for XRP"))
        #expect(hasError(validate(base.with("TakerGets", usd)), "TakerPays", "same asset"))
        #expect(hasError(validate(base.with("Flags", String(0x0010_0000))), "Flags", "DomainID"))
        #expect(errors(validate(base.with("Flags", String(0x0010_0000)).with("DomainID", q(hash64)))).isEmpty)
        #expect(hasError(validate(base.with("Flags", String(0x0002_0000 | 0x0004_0000))), "Flags", "cannot both"))
        #expect(hasError(validate([("TransactionType", q("OfferCancel"))]), "OfferSequence", "missing"))
        #expect(hasError(validate([("TransactionType", q("OfferCancel")), ("OfferSequence", q("1"))]), "OfferSequence", "number"))
        #expect(errors(validate([("TransactionType", q("OfferCancel")), ("OfferSequence", "1")])).isEmpty)
    }

    @Test func accountSet() {
        let base: [(String, String)] = [("TransactionType", q("AccountSet")), ("Account", q(Addr.a))]
        #expect(errors(validate(base.with("Domain", q("6578616D706C652E636F6D")).with("SetFlag", "5"))).isEmpty)
        #expect(hasError(validate(base.with("Domain", q("example.com"))), "Domain", "6578616d706c652e636f6d"))
        #expect(hasWarning(validate(base.with("Domain", q("4558414D504C452E434F4D"))), "Domain", "lower-case"))
        #expect(hasError(validate(base.with("SetFlag", "20")), "SetFlag", "not a defined"))
        #expect(hasError(validate(base.with("SetFlag", "11")), "SetFlag", "not a defined"))
        #expect(hasError(validate(base.with("SetFlag", "5").with("ClearFlag", "5")), "ClearFlag", "same"))
        #expect(hasError(validate(base.with("SetFlag", "10")), "NFTokenMinter", "requires NFTokenMinter"))
        #expect(hasError(validate(base.with("NFTokenMinter", q(Addr.b))), "NFTokenMinter", "SetFlag 10"))
        #expect(errors(validate(base.with("SetFlag", "10").with("NFTokenMinter", q(Addr.b)))).isEmpty)
        #expect(hasError(validate(base.with("TransferRate", "500")), "TransferRate"))
        #expect(errors(validate(base.with("TransferRate", "1500000000").with("TickSize", "5"))).isEmpty)
        #expect(hasError(validate(base.with("TickSize", "20")), "TickSize"))
        #expect(hasError(validate(base.with("EmailHash", q("ABC"))), "EmailHash", "32 hex"))
        #expect(hasError(validate(base.with("MessageKey", q("ABCD"))), "MessageKey", "33-byte"))
        #expect(hasError(validate(base.with("Flags", String(0x0001_0000 | 0x0002_0000))), "Flags", "cannot both"))
    }

    @Test func regularKeyAndSignerList() {
        #expect(hasError(validate([("TransactionType", q("SetRegularKey")), ("Account", q(Addr.a)), ("RegularKey", q(Addr.a))]), "RegularKey", "own address"))
        #expect(hasError(validate([("TransactionType", q("SetRegularKey")), ("RegularKey", "5")]), "RegularKey"))
        func entry(_ a: String, _ w: Int) -> String { #"{"SignerEntry": {"Account": "\#(a)", "SignerWeight": \#(w)}}"# }
        let base: [(String, String)] = [("TransactionType", q("SignerListSet")), ("Account", q(Addr.a)), ("SignerQuorum", "3"),
                                         ("SignerEntries", "[\(entry(Addr.b, 2)), \(entry(Addr.c, 1))]")]
        let ok = validate(base)
        #expect(errors(ok).isEmpty)
        #expect(hasWarning(ok, "TransactionType", "Xaman limits"))
        #expect(hasError(validate(base.without("SignerQuorum")), "SignerQuorum", "missing"))
        #expect(hasError(validate(base.without("SignerEntries")), "SignerEntries", "missing"))
        #expect(errors(validate(base.without("SignerEntries").with("SignerQuorum", "0"))).isEmpty)
        #expect(hasError(validate(base.with("SignerQuorum", "0")), "SignerEntries", "omitted"))
        #expect(hasError(validate(base.with("SignerEntries", "[]")), "SignerEntries", "at least 1"))
        let many = "[" + (0..<33).map { _ in entry(Addr.b, 1) }.joined(separator: ",") + "]"
        #expect(hasError(validate(base.with("SignerEntries", many)), "SignerEntries", "at most 32"))
        #expect(hasError(validate(base.with("SignerEntries", "[\(entry(Addr.b, 2)), \(entry(Addr.b, 1))]")), "SignerEntries[1].SignerEntry.Account", "duplicate"))
        #expect(hasError(validate(base.with("SignerEntries", "[\(entry(Addr.a, 3))]")), "SignerEntries[0].SignerEntry.Account", "own list"))
        #expect(hasError(validate(base.with("SignerQuorum", "4")), "SignerQuorum", "total signer weight"))
    }

    @Test func escrows() {
        let base: [(String, String)] = [("TransactionType", q("EscrowCreate")), ("Account", q(Addr.a)), ("Destination", q(Addr.b)),
                                         ("Amount", q("10000000")), ("FinishAfter", "533171558"), ("CancelAfter", "533257958")]
        #expect(errors(validate(base)).isEmpty)
        #expect(hasError(validate(base.without("Destination")), "Destination", "missing"))
        #expect(hasError(validate(base.without("Amount")), "Amount", "missing"))
        #expect(hasError(validate(base.without("FinishAfter").without("CancelAfter")), "FinishAfter", "CancelAfter or FinishAfter"))
        #expect(hasError(validate(base.without("FinishAfter")), "Condition", "Condition or FinishAfter"))
        #expect(errors(validate(base.without("FinishAfter").with("Condition", q("A0258020E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855810100")))).isEmpty)
        #expect(hasError(validate(base.with("FinishAfter", "533257959")), "FinishAfter", "before CancelAfter"))
        #expect(hasError(validate(base.with("CancelAfter", q("1"))), "CancelAfter"))
        let finish: [(String, String)] = [("TransactionType", q("EscrowFinish")), ("Owner", q(Addr.a)), ("OfferSequence", "7")]
        #expect(errors(validate(finish)).isEmpty)
        #expect(hasError(validate(finish.without("Owner")), "Owner", "missing"))
        #expect(hasError(validate(finish.with("Condition", q("A0"))), "Fulfillment", "together"))
        #expect(hasError(validate([("TransactionType", q("EscrowCancel")), ("Owner", q(Addr.a))]), "OfferSequence", "missing"))
        #expect(hasError(validate([("TransactionType", q("EscrowCancel")), ("OfferSequence", "7")]), "Owner", "missing"))
        #expect(hasError(validate([("TransactionType", q("EscrowCancel")), ("Owner", q(Addr.a)), ("OfferSequence", q("x"))]), "OfferSequence", "whole number"))
    }

    @Test func checks() {
        let create: [(String, String)] = [("TransactionType", q("CheckCreate")), ("Account", q(Addr.a)), ("Destination", q(Addr.b)), ("SendMax", q("100000000"))]
        #expect(errors(validate(create)).isEmpty)
        #expect(hasError(validate(create.without("SendMax")), "SendMax", "missing"))
        #expect(hasError(validate(create.with("Destination", q(Addr.a))), "Destination", "sending account"))
        #expect(hasError(validate(create.with("InvoiceID", "12")), "InvoiceID"))
        let cash: [(String, String)] = [("TransactionType", q("CheckCash")), ("CheckID", q(hash64)), ("Amount", q("100"))]
        #expect(errors(validate(cash)).isEmpty)
        #expect(hasError(validate(cash.without("Amount")), "Amount", "either Amount or DeliverMin"))
        #expect(hasError(validate(cash.with("DeliverMin", q("100"))), "DeliverMin", "both"))
        #expect(hasError(validate(cash.with("CheckID", q("ABC"))), "CheckID", "64 hex"))
        #expect(hasError(validate([("TransactionType", q("CheckCancel"))]), "CheckID", "missing"))
        #expect(errors(validate([("TransactionType", q("CheckCancel")), ("CheckID", q(hash64))])).isEmpty)
    }

    @Test func nftokens() {
        let mint: [(String, String)] = [("TransactionType", q("NFTokenMint")), ("Account", q(Addr.a)), ("NFTokenTaxon", "0"),
                                         ("Flags", "8"), ("TransferFee", "1000"), ("URI", q("697066733A2F2F"))]
        #expect(errors(validate(mint)).isEmpty)
        #expect(hasError(validate(mint.without("NFTokenTaxon")), "NFTokenTaxon", "missing"))
        #expect(hasError(validate(mint.with("Issuer", q(Addr.a))), "Issuer", "same"))
        #expect(hasError(validate(mint.with("TransferFee", "50001")), "TransferFee", "maximum is 50000"))
        #expect(hasError(validate(mint.with("Flags", "0")), "TransferFee", "tfTransferable"))
        #expect(hasError(validate(mint.with("URI", q(""))), "URI", "empty"))
        #expect(hasError(validate(mint.with("URI", q("not hex"))), "URI", "hex"))
        #expect(hasError(validate(mint.with("Destination", q(Addr.b))), "Destination", "requires Amount"))
        #expect(hasError(validate(mint.with("Flags", "32")), "Flags", "not defined"))

        let sell: [(String, String)] = [("TransactionType", q("NFTokenCreateOffer")), ("Account", q(Addr.a)), ("NFTokenID", q(hash64)), ("Amount", q("0")), ("Flags", "1")]
        #expect(errors(validate(sell)).isEmpty)
        #expect(hasError(validate(sell.with("Owner", q(Addr.b))), "Owner", "sell offer"))
        #expect(hasError(validate(sell.with("Destination", q(Addr.a))), "Destination", "must not be equal"))
        #expect(hasError(validate(sell.without("NFTokenID")), "NFTokenID", "missing"))
        let buy = sell.with("Flags", "0").with("Owner", q(Addr.b)).with("Amount", q("1000000"))
        #expect(errors(validate(buy)).isEmpty)
        #expect(hasError(validate(buy.without("Owner")), "Owner", "buy offers"))
        #expect(hasError(validate(buy.with("Amount", q("0"))), "Amount", "greater than 0 for buy"))
        #expect(hasError(validate(buy.with("Owner", q(Addr.a))), "Owner", "must not be equal"))

        let accept: [(String, String)] = [("TransactionType", q("NFTokenAcceptOffer")), ("NFTokenSellOffer", q(hash64))]
        #expect(errors(validate(accept)).isEmpty)
        #expect(hasError(validate([("TransactionType", q("NFTokenAcceptOffer"))]), "NFTokenSellOffer", "or NFTokenBuyOffer"))
        #expect(hasError(validate(accept.with("NFTokenBrokerFee", q("10"))), "NFTokenBrokerFee", "brokered"))
        #expect(hasError(validate(accept.with("NFTokenBuyOffer", q(hash64)).with("NFTokenBrokerFee", q("0"))), "NFTokenBrokerFee", "greater than 0"))

        #expect(hasError(validate([("TransactionType", q("NFTokenCancelOffer")), ("NFTokenOffers", "[]")]), "NFTokenOffers", "empty"))
        #expect(hasError(validate([("TransactionType", q("NFTokenCancelOffer"))]), "NFTokenOffers", "missing"))
        #expect(errors(validate([("TransactionType", q("NFTokenCancelOffer")), ("NFTokenOffers", "[\(q(hash64))]")])).isEmpty)
        #expect(hasError(validate([("TransactionType", q("NFTokenBurn"))]), "NFTokenID", "missing"))
        #expect(errors(validate([("TransactionType", q("NFTokenBurn")), ("NFTokenID", q(hash64)), ("Owner", q(Addr.b))])).isEmpty)
    }

    @Test func amm() {
        let asset2 = #"{"currency": "ETH", "issuer": "\#(Addr.c)"}"#
        let base: [(String, String)] = [("TransactionType", q("AMMDeposit")), ("Asset", #"{"currency": "XRP"}"#), ("Asset2", asset2), ("Amount", q("1000")), ("Flags", String(0x0008_0000))]
        #expect(errors(validate(base)).isEmpty)
        #expect(hasError(validate(base.without("Asset")), "Asset", "missing"))
        #expect(hasError(validate(base.with("Asset", #"{"currency": "XRP", "issuer": "\#(Addr.c)"}"#)), "Asset", "XRP asset is just"))
        #expect(hasError(validate(base.with("Asset2", #"{"currency": "ETH", "issuer": "\#(Addr.c)", "value": "1"}"#)), "Asset2.value", "no value"))
        #expect(hasError(validate(base.without("Amount")), "Amount", "LPTokenOut or Amount"))
        #expect(hasError(validate(base.without("Amount").with("Amount2", q("5")).with("LPTokenOut", usd)), "Amount2", "requires Amount"))
        #expect(hasError(validate(base.with("TradingFee", "1001")), "TradingFee", "maximum is 1000"))
        #expect(hasError(validate(base.with("LPTokenOut", q("5"))), "LPTokenOut"))
        let withdraw: [(String, String)] = [("TransactionType", q("AMMWithdraw")), ("Asset", #"{"currency": "XRP"}"#), ("Asset2", asset2), ("Flags", String(0x0002_0000))]
        #expect(errors(validate(withdraw)).isEmpty)
        #expect(hasError(validate(withdraw.with("EPrice", q("5"))), "EPrice", "requires Amount"))
        #expect(hasError(validate(withdraw.with("Flags", String(0x0080_0000))), "Flags", "not defined"))
    }

    @Test func xummPseudoTypes() {
        #expect(validate([("TransactionType", q("SignIn"))]).isEmpty)
        #expect(hasWarning(validate([("TransactionType", q("SignIn")), ("Fee", q("12"))]), "Fee", "pseudo"))
        let channel = "5DB01B7FFED6B67E6B0414DED11E051D2EE2B7619CE0EAA6286D67A3A4D5BDB3"
        let auth: [(String, String)] = [("TransactionType", q("PaymentChannelAuthorize")), ("Channel", q(channel)), ("Amount", q("1000000"))]
        #expect(errors(validate(auth)).isEmpty)
        #expect(hasError(validate(auth.without("Channel")), "Channel", "missing"))
        #expect(hasError(validate(auth.with("Amount", usd)), "Amount", "XRP"))
        #expect(hasError(validate(auth.with("Channel", q("12"))), "Channel", "64 hex"))
    }
}
