import ConsoleCore
import ConsoleTestSupport
import Domain
import Foundation
import Testing

/// The websocket's `signed:true` is drawn as unconfirmed (`signed? confirming…`, neutral tone) until
/// the GET's result arrives; only that result turns the payload green.
@Suite struct UnconfirmedResolutionTests {
    static let live = "c0ffee00-1234-4abc-9def-0123456789ab"

    /// The sample state with the live payload selected in Detail, after the websocket said signed.
    static func unconfirmed() -> (ConsoleState, PayloadRecord) {
        var s = Fixtures.state(users: 8)
        var p = s.payloads.first(where: { $0.uuid == live })!
        p.events.append(PayloadEvent(at: Fixtures.now - 5, kind: .signedUnconfirmed))
        Fixtures.send(&s, .payloadUpserted(p))
        Fixtures.keys(&s, .char("3"), .char("g"), .enter)
        return (s, p)
    }

    /// The styles of the cells where `word` first appears on a row that also contains `anchor`.
    static func styles(of word: String, onRowWith anchor: String, in buffer: Buffer) -> [Style]? {
        for y in 0..<buffer.height {
            let row = (0..<buffer.width).map { buffer[$0, y].grapheme }.joined()
            guard row.contains(anchor), let r = row.range(of: word) else { continue }
            let x = row.distance(from: row.startIndex, to: r.lowerBound)
            return (x..<(x + word.count)).map { buffer[$0, y].style }
        }
        return nil
    }

    @Test func websocketSignedIsDrawnUnconfirmedAndNeutral() throws {
        let (s, _) = Self.unconfirmed()
        let buffer = ConsoleCore.view(s, width: 120, height: 35)
        Snapshot.assert(buffer, named: "detail-unconfirmed-120x35")
        for (w, h) in [(80, 24), (200, 50)] {
            var sized = s
            _ = ConsoleCore.update(&sized, .resize(width: w, height: h))
            Snapshot.assert(ConsoleCore.view(sized, width: w, height: h), named: "detail-unconfirmed-\(w)x\(h)")
        }
        let text = buffer.text()
        #expect(text.contains("SIGNED?"))
        #expect(text.contains("signed? confirming…"))
        #expect(text.contains("signed?       websocket, confirming…"))
        let state = try #require(Self.styles(of: "signed?", onRowWith: "state", in: buffer))
        #expect(state.allSatisfy { $0.fg == .accent }, "\(state)")
        let row = try #require(Self.styles(of: "signed?", onRowWith: "Payment", in: buffer))
        #expect(row.allSatisfy { $0.fg != .fresh }, "\(row)")
    }

    @Test func theGetsAnswerDecides() throws {
        var (s, p) = Self.unconfirmed()
        p.events.append(PayloadEvent(at: Fixtures.now - 4, kind: .rejected))
        p.result = PayloadResult(outcome: .rejected, resolvedAt: Fixtures.now - 4)
        Fixtures.send(&s, .payloadUpserted(p), .resize(width: 200, height: 50))
        let text = ConsoleCore.view(s, width: 200, height: 50).text()
        #expect(text.contains("REJECTED"))
        #expect(text.contains("signed?       websocket; GET: rejected"))
        #expect(!text.contains("confirming…"))
        #expect(!text.contains("SIGNED"))
    }
}
