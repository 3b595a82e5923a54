import Testing
@testable import XRPLTx

@Suite("JSON reader")
struct JSONReaderTests {
    @Test func keepsKeyOrderAndValues() throws {
        let doc = try JSONDocument(parsing: #"{"b": 1, "a": [true, null, "x\n\u00e9\ud83d\ude00"], "c": {"z": -1.5e3}}"#)
        guard case .object(let members) = doc.root else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["b", "a", "c"])
        #expect(doc.root["a"] == .array([.bool(true), .null, .string("x\né😀")]))
        #expect(doc.root["c"]?["z"] == .number("-1.5e3"))
    }

    @Test func recordsPositionsOfNodes() throws {
        let text = "{\n  \"Amount\": {\n    \"issuer\": \"r\"\n  }\n}"
        let doc = try JSONDocument(parsing: text)
        #expect(doc.location(of: "")! == (1, 1))
        #expect(doc.location(of: "Amount")! == (2, 13))
        #expect(doc.location(of: "Amount.issuer")! == (3, 15))
        let arr = try JSONDocument(parsing: "[1,\n [2, 3]]")
        #expect(arr.location(of: "[1][1]")! == (2, 6))
    }

    @Test func duplicateKeyIsAnErrorAtTheSecondKey() {
        #expect(throws: JSONParseError(message: "duplicate key \"Fee\"", line: 2, column: 3, offset: 15)) {
            try JSONDocument(parsing: "{\"Fee\": \"1\",\n  \"Fee\": \"2\"}")
        }
    }

    @Test(arguments: [
        ("", 1, 1, "empty input"),
        ("{", 1, 2, "unexpected end of input"),
        ("{\"a\" 1}", 1, 6, "expected ':'"),
        ("{\"a\": 1,}", 1, 9, "trailing comma"),
        ("[1,]", 1, 4, "trailing comma"),
        ("{\"a\": 01}", 1, 8, "leading zeros"),
        ("{\"a\": tru}", 1, 7, "expected a value"),
        ("{'a': 1}", 1, 2, "expected a key"),
        ("{\"a\": \"x\ny\"}", 1, 9, "unterminated string"),
        ("{\"a\": \"\\q\"}", 1, 8, "invalid escape"),
        ("{\"a\": \"\\ud800\"}", 1, 8, "surrogate"),
        ("{\"a\": 1} x", 1, 10, "after the JSON value"),
        ("{\"a\": 1.}", 1, 9, "digit after '.'"),
        ("{\n\"a\":\n\n   @}", 4, 4, "expected a value"),
    ])
    func syntaxErrorsCarryLineAndColumn(text: String, line: Int, column: Int, message: String) {
        do {
            _ = try JSONDocument(parsing: text)
            Issue.record("parsed invalid JSON: \(text)")
        } catch {
            #expect(error.line == line)
            #expect(error.column == column)
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test func columnsCountGraphemesNotBytes() {
        // "é" (2 bytes) and a family emoji (many scalars) each count as one column.
        let text = "{\"é👨‍👩‍👧\": x}"
        do {
            _ = try JSONDocument(parsing: text)
            Issue.record("should fail")
        } catch {
            #expect(error.line == 1)
            #expect(error.column == 8)
        }
    }

    @Test func deepNestingIsRejectedNotCrashing() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONDocument(parsing: deep) }
    }

    @Test func printerRoundTripsKeyOrder() throws {
        let doc = try JSONDocument(parsing: #"{"z":1,"a":{"y":[1,"\"q\""],"b":{}},"e":[]}"#)
        #expect(JSONPrinter.compact(doc.root) == #"{"z":1,"a":{"y":[1,"\"q\""],"b":{}},"e":[]}"#)
        #expect(JSONPrinter.pretty(doc.root) == "{\n  \"z\": 1,\n  \"a\": {\n    \"y\": [\n      1,\n      \"\\\"q\\\"\"\n    ],\n    \"b\": {}\n  },\n  \"e\": []\n}")
    }
}
