import Foundation
import Testing
import Wiring

/// `pushdesk serve`'s log lines: one JSON object or one logfmt line each, quoting what needs it.
@Suite struct StructuredLogHandlerTests {
    static let at = Date(timeIntervalSince1970: 1_796_230_000)

    @Test func jsonLinesAreObjectsWithEscapedValues() throws {
        let line = StructuredLogHandler.line(format: .json, at: Self.at, level: .error, label: "pushdesk.serve",
                                             message: "store is \"down\"\n", metadata: [("store", "postgres://u:***@h:5432/db")])
        #expect(line.hasSuffix("}\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(object["msg"] == "store is \"down\"\n")
        #expect(object["level"] == "error" && object["label"] == "pushdesk.serve" && object["store"] == "postgres://u:***@h:5432/db")
        #expect(object["ts"]?.hasPrefix("2026-") == true)
    }

    @Test func logfmtQuotesOnlyWhatNeedsIt() {
        let line = StructuredLogHandler.line(format: .logfmt, at: Self.at, level: .notice, label: "pushdesk.serve",
                                             message: "serving", metadata: [("inbox", "http://127.0.0.1:8080/webhooks/xumm"), ("note", "two words")])
        #expect(line.contains(" level=notice label=pushdesk.serve msg=serving inbox=http://127.0.0.1:8080/webhooks/xumm note=\"two words\"\n"))
    }
}
