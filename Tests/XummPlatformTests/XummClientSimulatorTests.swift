import Foundation
import SimulatorTestSupport
import Testing
import XummPlatform
import XummSimulator

/// XummClient and PayloadStatusStream against the in-process simulator on a free loopback port.
@Suite struct XummClientSimulatorTests {
    @Test func createGetCiCancelVerifyPing() async throws {
        let h = try await SimHarness.start()
        defer { Task { await h.stop() } }
        let pong = try await h.client.ping()
        #expect(pong.pong && pong.auth.application.name == "PushDesk Demo")
        let created = try await h.client.createPayload(try await h.payment(user: "frank", identifier: "client-1"))
        #expect(created.pushed && created.refs.websocketStatus.hasPrefix("ws://"))
        let byUUID = try await h.client.payload(uuid: created.uuid)
        let byID = try await h.client.payload(identifier: "client-1")
        #expect(byUUID.meta.uuid == created.uuid && byID.meta.uuid == created.uuid)
        #expect(byUUID.payload.txType == "Payment" && byUUID.customMeta?.identifier == "client-1")
        #expect(try await h.client.cancel(uuid: created.uuid).result.reason == .ok)
        let tokens = try await h.client.verifyUserTokens([await h.token(of: "alice"), await h.token(of: "grace"), "nope"])
        #expect(tokens.map(\.active) == [true, false])
        #expect(h.client.rateLimit.limit == 30)
        do {
            _ = try await h.client.payload(identifier: "missing")
            Issue.record("found a missing identifier")
        } catch let error as XummError {
            guard case .notFound = error else { Issue.record("got \(error)"); return }
        }
    }

    @Test func wrongSecretIs403With813() async throws {
        let h = try await SimHarness.start()
        defer { Task { await h.stop() } }
        let bad = XummClient(baseURL: h.sim.apiBaseURL, credentials: XummCredentials(apiKey: SimHarness.key, apiSecret: "00000000-0000-4000-8000-00000000ffff"))
        do {
            _ = try await bad.ping()
            Issue.record("ping succeeded with a wrong secret")
        } catch let error as XummError {
            guard case .credentialsRefused(let ref) = error else { Issue.record("got \(error)"); return }
            #expect(ref != nil && error.code == 813)
            #expect(!error.description.contains("ffff"), "the secret never appears in errors")
        }
    }

    @Test func injected429And5xxAreTyped() async throws {
        let h = try await SimHarness.start()
        defer { Task { await h.stop() } }
        h.sim.injectFault(FaultSpec(route: "ping", kind: .status, status: 429))
        h.sim.injectFault(FaultSpec(route: "get", kind: .status, status: 503))
        do { _ = try await h.client.ping(); Issue.record("no error") } catch let e as XummError {
            guard case .rateLimited(_, let remaining, let after) = e else { Issue.record("got \(e)"); return }
            #expect(remaining == 0 && after == 60)
        }
        do { _ = try await h.client.payload(uuid: "x"); Issue.record("no error") } catch let e as XummError {
            guard case .server(let status, _, _) = e else { Issue.record("got \(e)"); return }
            #expect(status == 503 && e.isIndefinite)
        }
        // Faults fire once by default: the next calls go through.
        #expect(try await h.client.ping().pong)
    }

    @Test(arguments: [FaultSpec.Kind.dropAfterCommit, .statusAfterCommit, .status])
    func lostCreateIsFoundByIdentifierNotDuplicated(kind: FaultSpec.Kind) async throws {
        let h = try await SimHarness.start()
        defer { Task { await h.stop() } }
        // drop_after_commit / status_after_commit: stored, but the client sees a dropped connection / 502.
        // status: a 502 before anything was stored; the client must retry and create it once.
        h.sim.injectFault(FaultSpec(route: "create", kind: kind, status: 502))
        let created = try await h.client.createPayload(try await h.payment(user: "alice", identifier: "once-\(kind.rawValue)"))
        let mine = try await h.simPayloads().filter { $0.identifier == "once-\(kind.rawValue)" }
        #expect(mine.count == 1)
        #expect(mine.first?.uuid == created.uuid)
        #expect(created.pushed)
    }

    @Test func cutSocketStillEndsWithTheRightFinalState() async throws {
        let h = try await SimHarness.start(timeScale: 0.05)
        defer { Task { await h.stop() } }
        h.sim.injectFault(FaultSpec(route: "websocket", kind: .cut, afterMessages: 3, times: 2))
        let created = try await h.client.createPayload(try await h.payment(user: "alice"))
        let stream = PayloadStatusStream(client: h.client, uuid: created.uuid, websocketURL: created.refs.websocketStatus, settings: {
            var s = PayloadStatusStream.Settings(); s.initialBackoff = .milliseconds(20); return s
        }())
        let events: [StatusStreamEvent] = await withHangGuard { () -> [StatusStreamEvent] in var all: [StatusStreamEvent] = []; for await e in stream.events() { all.append(e) }; return all } ?? []
        #expect(events.contains { if case .disconnected = $0 { return true }; return false })
        #expect(events.last?.finalState?.outcome == .signed)
    }

    @Test func expiredPayloadWithOpenSocketEndsExpiredWithoutHanging() async throws {
        let h = try await SimHarness.start()
        defer { Task { await h.stop() } }
        let created = try await h.client.createPayload(try await h.payment(user: "erin"))
        let end = await h.final(created)
        #expect(end.finalState?.outcome == .expired)
        #expect(end.finalState?.payload.meta.expired == true)
    }
}
