import Foundation
import SimulatorTestSupport
import Testing
import XummPlatform
import XummSimulator

/// The platform's call budget: a resolution costs one `GET /payload/{uuid}`, counted through the
/// client's request-log hook (`onRequest`) against the in-process simulator.
@Suite struct StatusStreamGetCountTests {
    /// A client on the harness's simulator that counts its GETs per path.
    struct CountingClient: Sendable {
        let client: XummClient
        let gets = Locked<[String: Int]>([:])

        init(_ h: SimHarness) {
            let gets = self.gets
            client = XummClient(baseURL: h.sim.apiBaseURL, credentials: XummCredentials(apiKey: SimHarness.key, apiSecret: SimHarness.secret),
                                timeout: .seconds(5), onRequest: { e in
                                    if e.method == "GET" { gets.withLock { $0[e.path, default: 0] += 1 } }
                                })
        }

        func getCount(_ uuid: String) -> Int { gets.value["/payload/\(uuid)"] ?? 0 }

        /// Follows `created` to its end; returns every event.
        func follow(_ created: PayloadCreateResponse, openedGrace: Duration) async -> [StatusStreamEvent] {
            var settings = PayloadStatusStream.Settings()
            settings.openedGrace = openedGrace
            settings.pingInterval = .milliseconds(200)
            let stream = PayloadStatusStream(client: client, uuid: created.uuid, websocketURL: created.refs.websocketStatus, settings: settings)
            return await withHangGuard(seconds: 40) { () -> [StatusStreamEvent] in
                var all: [StatusStreamEvent] = []
                for await e in stream.events() { all.append(e) }
                return all
            } ?? []
        }
    }

    @Test func aWebsocketResolvedPayloadCostsExactlyOneGet() async throws {
        let h = try await SimHarness.start()
        defer { Task { await h.stop() } }
        let counting = CountingClient(h)
        // alice signs, bob rejects: each resolve message is followed by exactly one GET, which is the final state.
        for (user, outcome) in [("alice", PayloadFinalState.Outcome.signed), ("bob", .rejected)] {
            let created = try await counting.client.createPayload(try await h.payment(user: user))
            let events = await counting.follow(created, openedGrace: .seconds(5))
            #expect(events.contains { if case .message(.resolved) = $0 { return true }; return false }, "\(user): \(events)")
            #expect(events.last?.finalState?.outcome == outcome, "\(user): \(events)")
            #expect(counting.getCount(created.uuid) == 1, "\(user): \(counting.gets.value)")
        }
    }

    @Test func expiryCostsOneGetAndALateSignatureOneMore() async throws {
        let h = try await SimHarness.start()
        defer { Task { await h.stop() } }
        let counting = CountingClient(h)
        // erin never opens: the expiry is one resolution moment, one GET.
        async let ignored = counting.client.createPayload(try await h.payment(user: "erin", expire: 1))
        // ivan opens, then signs after expiry: the expiry's GET says "may still be signed" (and is the
        // grace decision), the late resolve message is a second moment with its own GET.
        async let late = counting.client.createPayload(try await h.payment(user: "ivan", expire: 1))
        let (erin, ivan) = try await (ignored, late)
        async let erinEvents = counting.follow(erin, openedGrace: .seconds(20))
        async let ivanEvents = counting.follow(ivan, openedGrace: .seconds(20))
        let (e, i) = await (erinEvents, ivanEvents)
        #expect(e.last?.finalState?.outcome == .expired, "\(e)")
        #expect(counting.getCount(erin.uuid) == 1, "\(counting.gets.value)")
        #expect(i.last?.finalState?.outcome == .signed, "\(i)")
        #expect(counting.getCount(ivan.uuid) == 2, "\(counting.gets.value)")
    }

    @Test func websocketSaysSignedButTheGetSaysRejected() async throws {
        let h = try await SimHarness.start()
        defer { Task { await h.stop() } }
        h.sim.injectFault(FaultSpec(route: "websocket", kind: .claimSigned))
        let counting = CountingClient(h)
        let created = try await counting.client.createPayload(try await h.payment(user: "bob"))
        let events = await counting.follow(created, openedGrace: .seconds(5))
        let claimed = events.contains { if case .message(.resolved(let r)) = $0 { return r.signed }; return false }
        #expect(claimed, "the fault did not make the websocket say signed: \(events)")
        #expect(events.last?.finalState?.outcome == .rejected, "\(events)")
        #expect(counting.getCount(created.uuid) == 1)
    }
}
