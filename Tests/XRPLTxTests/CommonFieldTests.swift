import Testing
@testable import XRPLTx

/// Common-field cases from xrpl.js `test/models/baseTransaction.test.ts` and `payment.test.ts`
/// ("invalid field Fee/Sequence/NetworkID", "invalid Memos"), xrpl-py
/// `tests/unit/models/transactions/test_transaction.py` (TicketSequence with Sequence), and the
/// Xaman rules of XRPL-TXJSON.md §1.3–1.4.
@Suite("Common fields")
struct CommonFieldTests {
    @Test func transactionType() {
        #expect(hasError(validate(basePayment.without("TransactionType")), "TransactionType", "missing"))
        #expect(hasError(validate(basePayment.with("TransactionType", "0")), "TransactionType", "must be a string"))
        #expect(hasError(validate(basePayment.with("TransactionType", q("Paymnt"))), "TransactionType", "unknown TransactionType"))
        #expect(hasError(validate(basePayment.with("TransactionType", q("payment"))), "TransactionType", "did you mean \"Payment\""))
        #expect(hasError(validate([("TransactionType", q("EnableAmendment"))]), "TransactionType", "pseudo-transaction"))
    }

    @Test func otherKnownTypesGetCommonChecksOnlyAndSaySo() {
        let f = validate([("TransactionType", q("TicketCreate")), ("TicketCount", "5")])
        #expect(errors(f).isEmpty)
        #expect(hasWarning(f, "TransactionType", "only common fields"))
        #expect(hasError(validate([("TransactionType", q("AccountDelete")), ("Destination", q(Addr.badChecksum))]), "Destination", "checksum"))
    }

    @Test func xamanFillsAccountFeeSequence() {
        let f = validate(basePayment.without("Account"))
        #expect(errors(f).isEmpty)
        #expect(warnings(f).isEmpty)
    }

    @Test func limitedTypesWarn() {
        let f = validate([("TransactionType", q("SetRegularKey")), ("RegularKey", q(Addr.b))])
        #expect(errors(f).isEmpty)
        #expect(hasWarning(f, "TransactionType", "Xaman limits SetRegularKey"))
    }

    @Test func fee() {
        #expect(errors(validate(basePayment.with("Fee", q("12")))).isEmpty)
        #expect(hasError(validate(basePayment.with("Fee", "1000")), "Fee", "string of drops"))
        #expect(hasError(validate(basePayment.with("Fee", q("1.2"))), "Fee", "decimal point"))
        #expect(hasError(validate(basePayment.with("Fee", q("-12"))), "Fee", "negative"))
        #expect(hasWarning(validate(basePayment.with("Fee", q("2000000"))), "Fee", "more than 1 XRP"))
    }

    @Test func uint32Fields() {
        #expect(errors(validate(basePayment.with("Sequence", "145").with("DestinationTag", "4294967295").with("SourceTag", "0"))).isEmpty)
        #expect(hasError(validate(basePayment.with("Sequence", q("145"))), "Sequence", "not a string"))
        #expect(hasError(validate(basePayment.with("DestinationTag", "4294967296")), "DestinationTag", "out of range"))
        #expect(hasError(validate(basePayment.with("DestinationTag", "-1")), "DestinationTag", "negative"))
        #expect(hasError(validate(basePayment.with("DestinationTag", "1.5")), "DestinationTag", "whole number"))
        #expect(hasError(validate(basePayment.with("LastLedgerSequence", q("1000"))), "LastLedgerSequence"))
        #expect(hasError(validate(basePayment.with("SourceTag", "null")), "SourceTag"))
    }

    @Test func flags() {
        #expect(errors(validate(basePayment.with("Flags", "2147483648"))).isEmpty)  // tfFullyCanonicalSig
        #expect(hasError(validate(basePayment.with("Flags", #"{"tfPartialPayment": true}"#)), "Flags", "must be a number"))
        #expect(hasError(validate(basePayment.with("Flags", "1")), "Flags", "not defined for Payment"))
        #expect(hasError(validate(basePayment.with("Flags", "1073741824")), "Flags", "tfInnerBatchTxn"))
        #expect(hasError(validate(basePayment.with("Flags", q("0"))), "Flags"))
    }

    @Test func memos() {
        let ok = #"[{"Memo": {"MemoType": "746578742F706C61696E", "MemoData": "48656C6C6F"}}]"#
        #expect(errors(validate(basePayment.with("Memos", ok))).isEmpty)
        #expect(hasError(validate(basePayment.with("Memos", #"[{"Memo": {"MemoData": "xyz"}}]"#)), "Memos[0].Memo.MemoData", "hex"))
        #expect(hasError(validate(basePayment.with("Memos", #"[{"Memo": {"MemoData": ""}}]"#)), "Memos[0].Memo.MemoData", "empty"))
        #expect(hasError(validate(basePayment.with("Memos", #"[{"Memo": {}}]"#)), "Memos[0].Memo", "at least one"))
        #expect(hasError(validate(basePayment.with("Memos", #"[{"Memo": {"Foo": "AA"}}]"#)), "Memos[0].Memo.Foo"))
        #expect(hasError(validate(basePayment.with("Memos", #"[{"Memos": {"MemoData": "AA"}}]"#)), "Memos[0]"))
        #expect(hasError(validate(basePayment.with("Memos", #"{"Memo": {}}"#)), "Memos", "array"))
        let big = #"[{"Memo": {"MemoData": "\#(String(repeating: "AB", count: 1100))"}}]"#
        #expect(hasError(validate(basePayment.with("Memos", big)), "Memos", "maximum is 1024"))
        #expect(hasWarning(validate(basePayment.with("Memos", #"[{"Memo": {"MemoType": "20"}}]"#)), "Memos[0].Memo.MemoType", "URL"))
    }

    @Test func networkID() {
        #expect(hasError(validate(basePayment.with("NetworkID", "1")), "NetworkID", "omitted"))
        #expect(hasError(validate(basePayment.with("NetworkID", "1024")), "NetworkID", "omitted"))
        #expect(errors(validate(basePayment.with("NetworkID", "21337"))).isEmpty)
        #expect(hasError(validate(basePayment.with("NetworkID", q("1024"))), "NetworkID", "not a string"))
    }

    @Test func lastLedgerSequenceBelow32570IsRelative() {
        #expect(hasWarning(validate(basePayment.with("LastLedgerSequence", "20")), "LastLedgerSequence", "relative"))
        #expect(warnings(validate(basePayment.with("LastLedgerSequence", "90000000"))).isEmpty)
    }

    @Test func ticketsAndSigningFields() {
        #expect(hasError(validate(basePayment.with("TicketSequence", "10").with("Sequence", "5")), "Sequence", "TicketSequence"))
        #expect(errors(validate(basePayment.with("TicketSequence", "10").with("Sequence", "0"))).isEmpty)
        let hash = q(String(repeating: "A", count: 64))
        #expect(hasError(validate(basePayment.with("TicketSequence", "10").with("AccountTxnID", hash)), "AccountTxnID", "TicketSequence"))
        #expect(hasError(validate(basePayment.with("Signers", "[]")), "Signers", "empty"))
        #expect(hasWarning(validate(basePayment.with("TxnSignature", q("AB"))), "TxnSignature", "signing"))
        #expect(hasError(validate(basePayment.with("Delegate", q(Addr.a))), "Delegate", "same"))
    }

    @Test func wronglyCasedFieldGetsAHint() {
        let f = validate(basePayment.with("destinationTag", "5"))
        #expect(hasError(f, "destinationTag", "did you mean \"DestinationTag\""))
    }

    @Test func placeholdersAreFlaggedOnceUntilFilled() {
        let f = validate(basePayment.with("Destination", q("<DESTINATION ADDRESS>")))
        #expect(errors(f).count == 1)
        #expect(hasError(f, "Destination", "placeholder <DESTINATION ADDRESS> must be filled in"))
    }

    @Test func findingsPointAtTheOffendingValue() {
        let text = "{\n  \"TransactionType\": \"Payment\",\n  \"Destination\": \"\(Addr.badChecksum)\",\n  \"Amount\": \"10\"\n}"
        let f = TxValidator.validate(txjsonText: text)
        let bad = f.first { $0.path == "Destination" }
        #expect(bad?.line == 3)
        #expect(bad?.column == 18)
        let missing = TxValidator.validate(txjsonText: "{\"TransactionType\": \"Payment\", \"Amount\": \"1000000\"}")
        #expect(missing.first { $0.path == "Destination" }.map { ($0.line, $0.column) }! == (1, 1))
    }

    @Test func rootMustBeAnObject() {
        #expect(hasError(TxValidator.validate(txjsonText: "[1]"), "", "JSON object"))
        let parse = TxValidator.validate(txjsonText: "{\"a\": }")
        #expect(parse.count == 1)
        #expect(parse[0].line == 1 && parse[0].column == 7 && parse[0].path == "")
    }
}
