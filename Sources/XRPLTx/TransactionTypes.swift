/// The transaction types the validator knows.
public enum TransactionTypes {
    /// XRPL transaction types (xrpl.js `ripple-binary-codec` definitions.json `TRANSACTION_TYPES`,
    /// without `Invalid`), plus later amendments (AMMClawback, NFTokenModify, Batch, DelegateSet, Vault*, Loan*).
    public static let xrpl: Set<String> = [
        "AMMBid", "AMMClawback", "AMMCreate", "AMMDelete", "AMMDeposit", "AMMVote", "AMMWithdraw",
        "AccountDelete", "AccountSet", "Batch", "CheckCancel", "CheckCash", "CheckCreate", "Clawback",
        "CredentialAccept", "CredentialCreate", "CredentialDelete", "DIDDelete", "DIDSet", "DelegateSet",
        "DepositPreauth", "EnableAmendment", "EscrowCancel", "EscrowCreate", "EscrowFinish", "LedgerStateFix",
        "LoanBrokerCoverClawback", "LoanBrokerCoverDeposit", "LoanBrokerCoverWithdraw", "LoanBrokerDelete",
        "LoanBrokerSet", "LoanDelete", "LoanManage", "LoanPay", "LoanSet",
        "MPTokenAuthorize", "MPTokenIssuanceCreate", "MPTokenIssuanceDestroy", "MPTokenIssuanceSet",
        "NFTokenAcceptOffer", "NFTokenBurn", "NFTokenCancelOffer", "NFTokenCreateOffer", "NFTokenMint", "NFTokenModify",
        "OfferCancel", "OfferCreate", "OracleDelete", "OracleSet", "Payment", "PaymentChannelClaim",
        "PaymentChannelCreate", "PaymentChannelFund", "PermissionedDomainDelete", "PermissionedDomainSet",
        "SetFee", "SetRegularKey", "SignerListSet", "TicketCreate", "TrustSet", "UNLModify",
        "VaultClawback", "VaultCreate", "VaultDelete", "VaultDeposit", "VaultSet", "VaultWithdraw",
        "XChainAccountCreateCommit", "XChainAddAccountCreateAttestation", "XChainAddClaimAttestation",
        "XChainClaim", "XChainCommit", "XChainCreateBridge", "XChainCreateClaimID", "XChainModifyBridge",
    ]

    /// Xumm/Xaman pseudo transaction types (XUMM-SDK `XummTxTypes`).
    public static let xummPseudo: Set<String> = ["SignIn", "PaymentChannelAuthorize"]

    /// Pseudo-transactions that only validators emit; a user cannot sign them.
    public static let ledgerPseudo: Set<String> = ["EnableAmendment", "SetFee", "UNLModify"]

    /// Types Xaman restricts ("Limited Transaction Types").
    public static let limited: Set<String> = ["SetRegularKey", "SignerListSet"]

    /// Types with type-specific rules in this validator.
    public static let withRules: Set<String> = [
        "Payment", "TrustSet", "OfferCreate", "OfferCancel", "AccountSet", "SetRegularKey", "SignerListSet",
        "EscrowCreate", "EscrowFinish", "EscrowCancel", "CheckCreate", "CheckCash", "CheckCancel",
        "NFTokenMint", "NFTokenCreateOffer", "NFTokenAcceptOffer", "NFTokenCancelOffer", "NFTokenBurn",
        "AMMDeposit", "AMMWithdraw", "PaymentChannelAuthorize", "SignIn",
    ]

    /// True for an XRPL or Xumm pseudo type name.
    public static func isKnown(_ name: String) -> Bool { xrpl.contains(name) || xummPseudo.contains(name) }

    /// A known type name equal to `name` ignoring case, for "did you mean" hints.
    static func suggestion(for name: String) -> String? {
        let lower = name.lowercased()
        return (xrpl.union(xummPseudo)).first { $0.lowercased() == lower }
    }

    /// Type-specific `Flags` bits (tf flags) by type; types not listed get no bit check.
    static let typeFlags: [String: UInt32] = [
        "Payment": 0x0001_0000 | 0x0002_0000 | 0x0004_0000 | 0x0008_0000,
        "TrustSet": 0x0001_0000 | 0x0002_0000 | 0x0004_0000 | 0x0010_0000 | 0x0020_0000 | 0x0040_0000 | 0x0080_0000,
        "OfferCreate": 0x0001_0000 | 0x0002_0000 | 0x0004_0000 | 0x0008_0000 | 0x0010_0000,
        "AccountSet": 0x0001_0000 | 0x0002_0000 | 0x0004_0000 | 0x0008_0000 | 0x0010_0000 | 0x0020_0000,
        "NFTokenMint": 0x1 | 0x2 | 0x4 | 0x8 | 0x10,
        "NFTokenCreateOffer": 0x1,
        "AMMDeposit": 0x0001_0000 | 0x0008_0000 | 0x0010_0000 | 0x0020_0000 | 0x0040_0000 | 0x0080_0000,
        "AMMWithdraw": 0x0001_0000 | 0x0002_0000 | 0x0004_0000 | 0x0008_0000 | 0x0010_0000 | 0x0020_0000 | 0x0040_0000,
        "OfferCancel": 0, "SetRegularKey": 0, "SignerListSet": 0, "EscrowCreate": 0, "EscrowFinish": 0,
        "EscrowCancel": 0, "CheckCreate": 0, "CheckCash": 0, "CheckCancel": 0, "NFTokenAcceptOffer": 0,
        "NFTokenCancelOffer": 0, "NFTokenBurn": 0,
    ]

    /// `tfFullyCanonicalSig`, allowed on every type.
    static let tfFullyCanonicalSig: UInt32 = 0x8000_0000
    /// `tfInnerBatchTxn`, only for Batch inner transactions.
    static let tfInnerBatchTxn: UInt32 = 0x4000_0000
}
