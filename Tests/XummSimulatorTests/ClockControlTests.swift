import Foundation
import SimulatorTestSupport
import Testing
import XummPlatform
@testable import XummSimulator

/// `POST /_sim/clock {"skew_seconds": N}`: the simulated platform's clock runs N s ahead, in the
/// `Date` header of every answer and in webhook timestamps, as a platform with a wrong clock would.
@Suite struct ClockControlTests {
    @Test func skewMovesTheDateHeaderAndTheClientSeesIt() async throws {
        let h = try await SimHarness.start()
        defer { Task { await h.stop() } }
        _ = try await h.client.ping()
        let straight = try #require(h.client.serverClock?.skew)
        #expect(abs(straight) < 2, "unskewed simulator \(straight) s off")

        let set = try await h.http("POST", "/_sim/clock", body: #"{"skew_seconds": 600}"#)
        #expect(set.status == 200)
        #expect(try JSONValue.parse(set.body)["skew_seconds"]?.numberValue == 600)
        #expect(try JSONValue.parse(try await h.http("GET", "/_sim/clock").body)["skew_seconds"]?.numberValue == 600)
        _ = try await h.client.ping()
        let reading = try #require(h.client.serverClock)
        let skew = try #require(reading.skew)
        #expect(abs(skew - 600) < 2, "Date \(reading.header) is \(skew) s ahead")

        // A refused call still carries the header: the clock can be read with a wrong secret too.
        let wrong = XummClient(baseURL: h.sim.apiBaseURL, credentials: XummCredentials(apiKey: SimHarness.key, apiSecret: "wrong"), timeout: .seconds(5))
        await #expect(throws: XummError.self) { try await wrong.ping() }
        #expect(abs((wrong.serverClock?.skew ?? 0) - 600) < 2)

        #expect(try await h.http("POST", "/_sim/clock", body: #"{"skew": 1}"#).status == 400)
        h.sim.setClockSkew(-45)
        _ = try await h.client.ping()
        #expect(abs((h.client.serverClock?.skew ?? 0) + 45) < 2)
    }

    @Test func webhookTimestampsFollowTheSkewedClock() async throws {
        let receiver = WebhookReceiver()
        let url = try await receiver.start()
        let h = try await SimHarness.start(webhookURL: url)
        defer { Task { await h.stop(); await receiver.stop() } }
        h.sim.setClockSkew(-900)
        _ = try await h.client.createPayload(try await h.payment(user: "alice"))
        let hit = try #require(await receiver.waitFor(1).first)
        let ts = try #require(hit.headers["x-xumm-request-timestamp"].flatMap { Double($0) })
        #expect(abs(ts - (Date().timeIntervalSince1970 - 900)) < 30, "timestamp \(ts)")
    }

    @Test func imfFixdateRoundTrip() throws {
        let d = Date(timeIntervalSince1970: 784_111_777)
        #expect(ServerClockReading.format(d) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(ServerClockReading.parse("Sun, 06 Nov 1994 08:49:37 GMT") == d)
        #expect(ServerClockReading.parse("yesterday") == nil)
        let reading = ServerClockReading(header: "Sun, 06 Nov 1994 08:49:37 GMT", sentAt: d.addingTimeInterval(-10), receivedAt: d.addingTimeInterval(-8))
        #expect(reading.skew == 9.5)
    }
}
