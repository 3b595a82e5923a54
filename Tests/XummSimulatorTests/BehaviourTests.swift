import Foundation
import SimulatorTestSupport
import Testing
import XummPlatform
@testable import XummSimulator

/// Pushes to each behaviour of the default cast with the project's own client and status stream.
@Suite struct BehaviourTests {
    @Test func aliceSignsAndGetsTheFullSignedRecord() async throws {
        let h = try await SimHarness.start()
        defer { Task { await h.stop() } }
        let aliceBefore = await h.sim.users().first { $0.name == "alice" }!
        let created = try await h.client.createPayload(try await h.payment(user: "alice"))
        #expect(created.pushed)
        let state = try #require(await h.final(created).finalState)
        #expect(state.outcome == .signed)
        let p = state.payload
        #expect(p.meta.resolved && p.meta.signed && p.meta.appOpened && !p.meta.expired && !p.meta.cancelled)
        #expect(p.response.txid?.count == 64 && p.response.txid!.allSatisfy(\.isHexDigit))
        #expect(p.response.hex?.isEmpty == false)
        #expect(p.response.account == aliceBefore.account)
        #expect(p.response.dispatchedResult == "tesSUCCESS")
        #expect(p.response.dispatchedNodetype == "MAINNET")
        #expect(p.application.issuedUserToken == aliceBefore.userToken)
        let aliceAfter = await h.sim.users().first { $0.name == "alice" }!
        #expect(aliceAfter.tokenExpiration! > aliceBefore.tokenExpiration!, "signing restarts the 30 days")
    }

    @Test func bobRejects() async throws {
        let h = try await SimHarness.start()
        defer { Task { await h.stop() } }
        let created = try await h.client.createPayload(try await h.payment(user: "bob"))
        #expect(created.pushed)
        let state = try #require(await h.final(created).finalState)
        #expect(state.outcome == .rejected)
        #expect(state.payload.meta.resolved && !state.payload.meta.signed && state.payload.meta.appOpened)
        #expect(state.payload.response.txid == nil && state.payload.application.issuedUserToken == nil)
    }

    @Test(arguments: ["dave", "erin", "frank"])
    func undecidedUsersEndExpired(name: String) async throws {
        let h = try await SimHarness.start()
        defer { Task { await h.stop() } }
        let created = try await h.client.createPayload(try await h.payment(user: name))
        #expect(created.pushed)
        let state = try #require(await h.final(created).finalState)
        #expect(state.outcome == .expired)
        #expect(state.payload.meta.expired && !state.payload.meta.resolved)
        // dave opens and never decides; erin ignores; frank is offline.
        #expect(state.payload.meta.appOpened == (name == "dave"))
    }

    @Test(arguments: ["grace", "heidi", "oscar"])
    func deadTokensAreNotPushed(name: String) async throws {
        let h = try await SimHarness.start()
        defer { Task { await h.stop() } }
        var request = try await h.payment(user: nil)
        request.userToken = await h.sim.users().first { $0.name == name }!.userToken
        let created = try await h.client.createPayload(request)
        #expect(!created.pushed)
        let p = try await h.client.payload(uuid: created.uuid)
        #expect(!p.meta.pushed && !p.meta.resolved)
    }

    @Test func ivanOpensThenSignsAfterExpiry() async throws {
        let h = try await SimHarness.start()
        defer { Task { await h.stop() } }
        let created = try await h.client.createPayload(try await h.payment(user: "ivan"))
        // Without waiting for a late signature the stream ends at expiry ...
        let early = try #require(await h.final(created, openedGrace: .zero).finalState)
        #expect(early.outcome == .expired && early.payload.meta.appOpened)
        // ... with the grace, a stream that follows an opened payload past expiry ends signed.
        let late = try await h.client.createPayload(try await h.payment(user: "ivan"))
        let state = try #require(await h.final(late, openedGrace: .seconds(20)).finalState)
        #expect(state.outcome == .signed)
        let signed = await withHangGuard { () -> XummPayload? in
            while !Task.isCancelled {
                if let p = try? await h.client.payload(uuid: created.uuid), p.meta.signed { return p }
                try? await Task.sleep(for: .milliseconds(100))
            }
            return nil
        }
        let p = try #require(signed ?? nil)
        #expect(p.meta.signed && p.meta.expired && p.meta.appOpened && p.meta.resolved)
        #expect(PayloadFinalState(payload: p).outcome == .signed)
    }

    @Test func websocketOrderForASignedPayload() async throws {
        // Slow enough that the socket is open before alice opens the request (the platform does not replay).
        let h = try await SimHarness.start(timeScale: 0.5)
        defer { Task { await h.stop() } }
        let created = try await h.client.createPayload(try await h.payment(user: "alice"))
        let stream = PayloadStatusStream(client: h.client, uuid: created.uuid, websocketURL: created.refs.websocketStatus)
        let events: [StatusMessage] = await withHangGuard { () -> [StatusMessage] in
            var all: [StatusMessage] = []
            for await e in stream.events() { if case .message(let m) = e { all.append(m) } }
            return all
        } ?? []
        let kinds = events.filter { if case .expiresIn = $0 { return false }; return true }
        #expect(kinds.first == .welcome(uuid: created.uuid))
        let tail = Array(kinds.dropFirst())
        #expect(tail.count == 5)
        #expect(Array(tail.prefix(4)) == [.opened, .devappFetched, .preSigned, .dispatched])
        guard case .resolved(let r) = tail.last else { Issue.record("no resolve message"); return }
        #expect(r.signed && r.userToken == true && r.txid?.count == 64 && r.payloadUUID == created.uuid)
        #expect(events.contains { if case .expiresIn(let n) = $0 { return n > 0 }; return false })
    }
}
