import Foundation
import Testing
@testable import XRPLTx

/// Payload body rules: XUMM-SDK `src/types/xumm-api/index.ts` (custom_meta limits, options) and
/// docs.xaman.dev payloads-sign-requests.
@Suite("Payload, report and templates")
struct PayloadAndReportTests {
    let txjson = #"{"TransactionType": "Payment", "Destination": "\#(Addr.b)", "Amount": "1000000"}"#

    @Test func payloadBody() {
        #expect(TxValidator.validate(payloadText: #"{"txjson": \#(txjson), "options": {"expire": 5, "submit": true}, "custom_meta": {"identifier": "abc", "instruction": "Please sign"}}"#).isEmpty)
        #expect(TxValidator.validate(payloadText: #"{"txblob": "1200002280000000"}"#).isEmpty)
        #expect(hasError(TxValidator.validate(payloadText: "{}"), "txjson", "needs txjson"))
        #expect(hasError(TxValidator.validate(payloadText: #"{"txjson": \#(txjson), "txblob": "12"}"#), "txblob", "not both"))
        #expect(hasError(TxValidator.validate(payloadText: #"{"txjson": {"TransactionType": "Payment", "Amount": "1"}}"#), "txjson.Destination", "missing"))
        #expect(hasError(TxValidator.validate(payloadText: #"{"txjson": \#(txjson), "options": {"expire": 0}}"#), "options.expire", "positive"))
        #expect(hasError(TxValidator.validate(payloadText: #"{"txjson": \#(txjson), "options": {"expire": "5"}}"#), "options.expire", "positive"))
        let id41 = String(repeating: "x", count: 41)
        #expect(hasError(TxValidator.validate(payloadText: #"{"txjson": \#(txjson), "custom_meta": {"identifier": "\#(id41)"}}"#), "custom_meta.identifier", "maximum is 40"))
        #expect(errors(TxValidator.validate(payloadText: #"{"txjson": \#(txjson), "custom_meta": {"identifier": "\#(String(id41.dropLast()))"}}"#)).isEmpty)
        let long = String(repeating: "é", count: 281)
        #expect(hasError(TxValidator.validate(payloadText: #"{"txjson": \#(txjson), "custom_meta": {"instruction": "\#(long)"}}"#), "custom_meta.instruction", "maximum is 280"))
        let blob = String(repeating: "b", count: 1501)
        #expect(hasError(TxValidator.validate(payloadText: #"{"txjson": \#(txjson), "custom_meta": {"blob": "\#(blob)"}}"#), "custom_meta.blob", "maximum is 1500"))
        #expect(hasError(TxValidator.validate(payloadText: #"{"txjson": \#(txjson), "options": {"signers": ["\#(Addr.badChecksum)"]}}"#), "options.signers[0]", "checksum"))
    }

    @Test func reportDetectsPayloadAndRendersText() {
        let text = "{\n  \"txjson\": {\n    \"TransactionType\": \"Payment\",\n    \"Destination\": \"\(Addr.badChecksum)\",\n    \"Amount\": \"10\"\n  }\n}"
        let report = TxCheckReport(text: text)
        #expect(!report.isValid)
        #expect(report.exitCode == 1)
        #expect(report.errors.count == 1)
        #expect(report.warnings.count == 1)
        let out = report.textOutput(fileName: "tx.json")
        #expect(out == """
        4:20 txjson.Destination: bad checksum: not a valid XRPL classic address (check for a typo)
        5:15 warning: txjson.Amount: 10 drops is only 0.00001 XRP: amounts are in drops (1 XRP = 1,000,000 drops)
        tx.json: invalid (1 error, 1 warning)

        """)
    }

    @Test func reportJSONShape() throws {
        let report = TxCheckReport(text: #"{"TransactionType": "SignIn"}"#)
        #expect(report.isValid && report.exitCode == 0)
        #expect(report.jsonOutput() == "{\n  \"valid\": true,\n  \"errors\": [],\n  \"warnings\": []\n}")
        let bad = TxCheckReport(text: "{\"TransactionType\": \"SignIn\",}")
        let doc = try JSONDocument(parsing: bad.jsonOutput())
        #expect(doc.root["valid"] == .bool(false))
        let first = doc.root["errors"]?.arrayElements?.first
        #expect(first?["path"] == .string(""))
        #expect(first?["line"] == .number("1"))
        #expect(first?["column"] == .number("30"))
        #expect(first?["message"]?.stringValue?.contains("trailing comma") == true)
    }

    @Test func templatesLoadAndPlaceholdersFailUntilFilled() throws {
        let templates = TemplateLibrary.shipped
        #expect(templates.first?.name == "SignIn")
        let names = Set(templates.map(\.name))
        for required in ["SignIn", "Payment-XRP", "Payment-Token", "TrustSet", "AccountSet-Domain", "OfferCreate", "NFTokenCreateOffer", "EscrowCreate"] {
            #expect(names.contains(required), "\(required)")
        }
        for t in templates {
            #expect(!t.title.isEmpty && !t.purpose.isEmpty && !t.purpose.contains("\n"))
            let findings = TxValidator.validate(txjsonText: t.txjsonText)
            let placeholders = findings.filter { $0.message.contains("placeholder") }
            if t.name == "SignIn" {
                #expect(findings.isEmpty)
            } else {
                #expect(!placeholders.isEmpty, "\(t.name) should carry placeholders")
                #expect(errors(findings).count == placeholders.count, "\(t.name): \(findings)")
            }
        }
        // Filling the placeholders makes the XRP payment valid.
        let payment = try #require(templates.first { $0.name == "Payment-XRP" })
        let filled = payment.txjsonText.replacingOccurrences(of: "<DESTINATION ADDRESS>", with: Addr.b)
            .replacingOccurrences(of: "<AMOUNT IN DROPS>", with: "1000000")
        #expect(TxValidator.validate(txjsonText: filled).isEmpty)
        #expect(payment.txjsonText.hasPrefix("{\n  \"TransactionType\": \"Payment\",\n  \"Destination\""))
    }

    @Test func templateShapeErrors() {
        #expect(throws: TemplateLibrary.LoadError.self) { try TemplateLibrary.parse(text: #"{"title": "x", "txjson": {}}"#, name: "x") }
        #expect(throws: TemplateLibrary.LoadError.self) { try TemplateLibrary.parse(text: "{", name: "x") }
    }
}
