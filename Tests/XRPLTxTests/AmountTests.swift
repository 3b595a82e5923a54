import Testing
@testable import XRPLTx

/// Cases from ripple-binary-codec `test/fixtures/data-driven-tests.json` (amount fixtures),
/// xrpl.js `test/wallet/index.test.ts` ("1.2 is an illegal amount"), xrpl-py
/// `tests/unit/models/currencies/test_issued_currency.py` (currency codes) — see XRPL-TXJSON.md §3.
@Suite("Amounts and currency codes")
struct AmountTests {
    func payment(amount: String) -> [Finding] { validate(basePayment.with("Amount", amount)) }

    @Test(arguments: ["\"1\"", "\"1000000\"", "\"100000000000000000\""])
    func validDrops(amount: String) {
        #expect(errors(payment(amount: amount)).isEmpty)
    }

    @Test(arguments: [
        ("\"1000000000000000000\"", "larger than the maximum"),
        ("\"100000000000000001\"", "larger than the maximum"),
        ("\"-1\"", "negative"),
        ("\"1.2\"", "decimal point"),
        ("\"1e5\"", "digits"),
        ("\"\"", "empty"),
        ("\"0\"", "greater than zero"),
        ("1000000", "string of drops"),
        ("true", "Currency Amount"),
    ])
    func invalidDrops(amount: String, message: String) {
        #expect(hasError(payment(amount: amount), "Amount", message))
    }

    @Test func xrpWrittenAsDecimalGetsADropsHint() {
        #expect(hasError(payment(amount: q("12.5")), "Amount", "write \"12500000\""))
    }

    @Test func tinyXRPAmountWarnsAboutDrops() {
        #expect(hasWarning(payment(amount: q("25")), "Amount", "in drops"))
        #expect(warnings(payment(amount: q("25000000"))).isEmpty)
    }

    func iou(_ currency: String, _ value: String, issuer: String = Addr.c) -> String {
        #"{"currency": "\#(currency)", "issuer": "\#(issuer)", "value": "\#(value)"}"#
    }

    @Test(arguments: ["1", "1.111111111111111", "0.000001", "1e10", "1111111111111111", "9999999999999999e80", "1000000000000000e-96", ".5"])
    func validIssuedValues(value: String) {
        #expect(errors(payment(amount: iou("USD", value))).isEmpty, "\(value)")
    }

    @Test(arguments: [
        ("1111111111111111.1", "precision of 17"),
        ("9999999999999999" + String(repeating: "0", count: 81), "too large"),
        ("1e-200", "too small"),
        ("-5", "negative"),
        ("0", "greater than zero"),
        ("1,000", "not a decimal number"),
        ("abc", "not a decimal number"),
        ("+1", "not a decimal number"),
        ("1e", "not a decimal number"),
    ])
    func invalidIssuedValues(value: String, message: String) {
        #expect(hasError(payment(amount: iou("USD", value)), "Amount.value", message), "\(value)")
    }

    @Test func issuedAmountShape() {
        #expect(hasError(payment(amount: #"{"currency": "USD", "value": "1"}"#), "Amount.issuer", "missing"))
        #expect(hasError(payment(amount: #"{"currency": "USD", "issuer": "\#(Addr.c)", "value": "1", "extra": 1}"#), "Amount.extra"))
        #expect(hasError(payment(amount: iou("USD", "1", issuer: Addr.badChecksum)), "Amount.issuer", "bad checksum"))
        #expect(hasError(payment(amount: #"{"currency": "USD", "issuer": "\#(Addr.c)", "value": 1}"#), "Amount.value", "string"))
        #expect(hasError(payment(amount: #"{"currency": "XRP", "value": "1"}"#), "Amount", "string of drops"))
    }

    @Test(arguments: ["USD", "usd", "$$$", "^%#", "a1@", "444F4C4C415259444F4F00000000000000000000", "0158415500000000C1F76FF6ECB0BAC600000000"])
    func validCurrencyCodes(code: String) {
        #expect(errors(payment(amount: iou(code, "1"))).isEmpty, "\(code)")
    }

    @Test(arguments: ["XRP", "xrp", "+XX", "XXXX", ":::", "US", "444f4c4c415259444f4f00000000000000000000",
                      "0000000000000000000000000000000000000000", "G44F4C4C415259444F4F00000000000000000000"])
    func invalidCurrencyCodes(code: String) {
        #expect(hasError(payment(amount: iou(code, "1")), "Amount.currency"), "\(code)")
    }

    @Test func demurrageAndZeroPrefixCodesWarn() {
        #expect(hasWarning(payment(amount: iou("0158415500000000C1F76FF6ECB0BAC600000000", "1")), "Amount.currency", "demurrage"))
        #expect(hasWarning(payment(amount: iou("0058415500000000C1F76FF6ECB0BAC600000000", "1")), "Amount.currency", "first byte"))
    }

    let mptID = "00002403C84A0A28E0190E208E982C352BBD5006600555CF"

    @Test func mptAmounts() {
        #expect(errors(payment(amount: #"{"mpt_issuance_id": "\#(mptID)", "value": "100"}"#)).isEmpty)
        #expect(hasError(payment(amount: #"{"mpt_issuance_id": "\#(mptID)", "value": "9223372036854775808"}"#), "Amount.value", "maximum"))
        #expect(errors(payment(amount: #"{"mpt_issuance_id": "\#(mptID)", "value": "9223372036854775807"}"#)).isEmpty)
        #expect(hasError(payment(amount: #"{"mpt_issuance_id": "\#(mptID)", "value": "-1"}"#), "Amount.value", "negative"))
        #expect(hasError(payment(amount: #"{"mpt_issuance_id": "\#(mptID)", "value": "10.1"}"#), "Amount.value", "decimal point"))
        #expect(hasError(payment(amount: #"{"mpt_issuance_id": "\#(mptID)", "value": "1", "issuer": "\#(Addr.a)"}"#), "Amount.issuer", "not valid for an MPT"))
        #expect(hasError(payment(amount: #"{"mpt_issuance_id": "\#(mptID)", "value": "1", "currency": "USD"}"#), "Amount.currency", "not valid for an MPT"))
        #expect(hasError(payment(amount: #"{"mpt_issuance_id": "ABC", "value": "1"}"#), "Amount.mpt_issuance_id", "48 hex"))
    }

    @Test func issuedValueNormalisation() throws {
        let v = try IssuedValue.parse("123.45").get()
        #expect(v.precision == 5)
        #expect(v.exponent == 2 - 15)
        #expect(try IssuedValue.parse("0.000").get().isZero)
        #expect(IssuedValue.parse("1e99999999999999999999") == .failure(.exponentTooLarge))
    }
}
