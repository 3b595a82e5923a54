import Foundation
import Testing
import Domain

@Suite struct PlatformDateTests {
    /// The hand parser must agree with Foundation's ISO 8601 formatter on every shape the platform sends.
    @Test(arguments: [
        "2024-05-01T10:00:00.000Z", "2024-05-01T10:00:00Z", "2023-11-14T22:13:20.123Z", "2000-02-29T23:59:59Z",
        "1999-12-31T00:00:00.5Z", "2024-05-01T12:30:00+02:30", "2024-05-01T01:00:00-05:00", "2100-03-01T00:00:00Z",
    ])
    func agreesWithFoundation(_ text: String) throws {
        let f = ISO8601DateFormatter()
        f.formatOptions = text.contains(".") ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        let expected = try #require(f.date(from: text))
        let parsed = try #require(PlatformDate.parse(text))
        #expect(abs(parsed.timeIntervalSince1970 - expected.timeIntervalSince1970) < 0.001)
    }

    @Test func spaceSeparatedIsUTCAndUnixSecondsAreAccepted() {
        #expect(PlatformDate.parse("2024-05-01 10:00:00")?.timeIntervalSince1970 == 1_714_557_600)
        #expect(PlatformDate.parse(" 1700000000 ")?.timeIntervalSince1970 == 1_700_000_000)
    }

    @Test(arguments: ["", "yesterday", "2024-13-01T00:00:00Z", "2023-02-29T00:00:00Z", "2024-05-01T25:00:00Z",
                      "2024-05-01T10:00:00.Z", "2024-05-01T10:00:00Zjunk", "2024-05-01", "nan"])
    func refusesWhatIsNotADate(_ text: String) {
        #expect(PlatformDate.parse(text) == nil)
    }
}
