/// Field names grouped by JSON type, for the checks that apply wherever a field appears.
enum FieldCatalog {
    /// AccountID fields (classic address strings).
    static let addresses: Set<String> = [
        "Account", "Destination", "Owner", "Issuer", "RegularKey", "NFTokenMinter", "Delegate", "Authorize",
        "Unauthorize", "Holder", "Subject", "Counterparty", "OtherChainSource", "OtherChainDestination",
    ]
    /// UInt32 fields.
    static let uint32: Set<String> = [
        "Sequence", "LastLedgerSequence", "SourceTag", "DestinationTag", "NetworkID", "TicketSequence",
        "OfferSequence", "Expiration", "CancelAfter", "FinishAfter", "QualityIn", "QualityOut", "SetFlag",
        "ClearFlag", "TransferRate", "NFTokenTaxon", "SignerQuorum", "SettleDelay", "TicketCount",
        "OracleDocumentID", "LastUpdateTime", "WalletSize", "OperationLimit",
    ]
    /// UInt16 fields with their maximum.
    static let uint16: [String: UInt32] = ["TransferFee": 50_000, "TradingFee": 1_000]
    /// UInt8 fields.
    static let uint8: Set<String> = ["TickSize"]
    /// Hash256 fields (64 hex digits).
    static let hash256: Set<String> = [
        "AccountTxnID", "InvoiceID", "CheckID", "NFTokenID", "Channel", "NFTokenSellOffer", "NFTokenBuyOffer",
        "DomainID", "WalletLocator", "VaultID", "LoanBrokerID", "LoanID", "CredentialID",
    ]
    /// Fields set when signing; a sign request should not carry them.
    static let signingFields: Set<String> = ["SigningPubKey", "TxnSignature", "Signers"]

    /// All field names this validator knows, for "did you mean" hints on wrongly cased keys.
    static let known: Set<String> = {
        var all = addresses.union(uint32).union(uint8).union(hash256).union(signingFields)
        all.formUnion(uint16.keys)
        all.formUnion([
            "TransactionType", "Fee", "Flags", "Memos", "Amount", "DeliverMax", "DeliverMin", "SendMax", "Paths",
            "LimitAmount", "TakerGets", "TakerPays", "Domain", "EmailHash", "MessageKey", "SignerEntries",
            "Condition", "Fulfillment", "URI", "NFTokenOffers", "NFTokenBrokerFee", "Asset", "Asset2", "Amount2",
            "EPrice", "LPTokenOut", "LPTokenIn", "CredentialIDs", "PublicKey",
        ])
        return all
    }()

    /// Lower-cased known name → proper name.
    static let knownByLowercase: [String: String] = {
        var map: [String: String] = [:]
        for name in known { map[name.lowercased()] = name }
        return map
    }()
}
