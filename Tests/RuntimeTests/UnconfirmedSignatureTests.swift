import ConsoleCore
import Domain
import Foundation
import Runtime
import SimulatorTestSupport
import Testing
import XummPlatform
import XummSimulator

/// DESIGN: never trust `signed:true` alone. The simulator's `claim_signed` fault makes the status
/// websocket say `signed: true` for a payload the user rejected; `GET /payload` tells the truth.
/// Every state the record passes through is drawn by `ConsoleCore.view`, as the console would.
@Suite struct UnconfirmedSignatureTests {
    /// The console's screen for `record`, selected in the Payloads pane with the Detail pane showing it.
    static func screen(_ record: PayloadRecord, now: Date) -> Buffer {
        var s = ConsoleState(backend: "SIMULATOR", readOnly: false, noColor: false, now: now)
        for msg in [Msg.resize(width: 200, height: 50), .payloadsLoaded([record]), .key(.char("3")), .key(.enter)] {
            _ = ConsoleCore.update(&s, msg)
        }
        return ConsoleCore.view(s, width: 200, height: 50)
    }

    @Test func websocketSignedTrueWhoseGetSaysRejectedEndsRejectedAndIsNeverDrawnSigned() async throws {
        let h = try await SimHarness.start()
        defer { Task { await h.stop() } }
        h.sim.injectFault(FaultSpec(route: "websocket", kind: .claimSigned))
        let created = try await h.client.createPayload(try await h.payment(user: "bob"))
        let start = Date()
        let initial = PayloadRecord(uuid: created.uuid, userToken: await h.token(of: "bob"), userName: "bob", transactionType: "Payment",
                                   txjson: "{}", created: start, pushed: created.pushed, deepLink: created.next.always,
                                   websocketURL: created.refs.websocketStatus,
                                   events: [PayloadEvent(at: start, kind: .created), PayloadEvent(at: start, kind: .pushed)])
        var settings = PayloadStatusStream.Settings()
        settings.pingInterval = .milliseconds(200)
        let stream = PayloadStatusStream(client: h.client, uuid: created.uuid, websocketURL: created.refs.websocketStatus, settings: settings)

        // Fold every event as the Runtime does, and draw every state the record passes through.
        let frames = await withHangGuard { () -> (PayloadRecord, [(PayloadRecord, Buffer)]) in
            var r = initial
            var frames: [(PayloadRecord, Buffer)] = []
            for await event in stream.events() {
                let now = Date()
                if PayloadProgress.apply(event, to: &r, at: now) { frames.append((r, Self.screen(r, now: now))) }
            }
            return (r, frames)
        }
        let (record, drawn) = try #require(frames)

        // The websocket's word was recorded, unconfirmed; the GET's answer decided.
        #expect(record.events.contains { $0.kind == .signedUnconfirmed }, "\(record.events.map(\.kind))")
        #expect(!record.events.contains { $0.kind == .signed })
        #expect(record.events.last?.kind == .rejected)
        #expect(record.result?.outcome == .rejected)
        #expect(record.stateLabel == "rejected")

        // While unconfirmed the screen says so, in a neutral tone.
        let unconfirmed = try #require(drawn.first { $0.0.unconfirmedResolution == .signedUnconfirmed }, "no frame showed the websocket's word")
        #expect(unconfirmed.1.text().contains("signed? confirming…"), "\(unconfirmed.1.text())")
        #expect(unconfirmed.1.text().contains("SIGNED?"))

        // No frame ever shows the signed state, and nothing is ever green (no users are loaded, so
        // green could only come from a signed payload).
        for (r, buffer) in drawn {
            let text = buffer.text()
            #expect(!text.contains(" SIGNED "), "\(r.events.map(\.kind)):\n\(text)")
            #expect(text.range(of: #"state +signed( |$)"#, options: .regularExpression) == nil, "\(text)")
            #expect(text.range(of: #"Payment +signed( |$)"#, options: .regularExpression) == nil, "\(text)")
            #expect(!buffer.cells.contains { $0.style.fg == .fresh }, "a green cell in:\n\(text)\n\(buffer.styleText())")
        }
        let last = try #require(drawn.last).1.text()
        #expect(last.contains("REJECTED"), "\(last)")
        #expect(last.contains("signed?       websocket; GET: rejected"), "\(last)")
    }
}
