import Foundation
import SimulatorTestSupport
import Testing
import XummPlatform
@testable import XummSimulator

@Suite struct RestTests {
    let payment = #"{"TransactionType":"Payment","Destination":"rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh","Amount":"1"}"#

    @Test func validationErrorsUseThePlatformShape() async throws {
        let h = try await SimHarness.start()
        defer { Task { await h.stop() } }
        let cases: [(String, Int)] = [
            ("{}", 602),
            (#"{"txjson":\#(payment),"txblob":"1200"}"#, 602),
            (#"{"txjson":{"Amount":"1"}}"#, 602),
            (#"{"txjson":\#(payment),"custom_meta":{"identifier":"\#(String(repeating: "x", count: 41))"}}"#, 603),
            (#"{"txjson":\#(payment),"custom_meta":{"instruction":"\#(String(repeating: "x", count: 281))"}}"#, 603),
            (#"{"txjson":\#(payment),"custom_meta":{"blob":"\#(String(repeating: "x", count: 1600))"}}"#, 603),
            ("not json", 601),
        ]
        for (body, code) in cases {
            let r = try await h.http("POST", "/api/v1/platform/payload", body: body, auth: true)
            #expect(r.status == 400, "\(body.prefix(40))")
            let err = try JSONDecoder().decode(PlatformErrorBody.self, from: r.body)
            #expect(err.code == code, "\(body.prefix(40))")
            #expect(err.reference?.isEmpty == false)
        }
    }

    @Test func duplicateIdentifierIsRefusedAndTrailingSlashAccepted() async throws {
        let h = try await SimHarness.start()
        defer { Task { await h.stop() } }
        let body = #"{"txjson":\#(payment),"custom_meta":{"identifier":"dup-1"}}"#
        let first = try await h.http("POST", "/api/v1/platform/payload/", body: body, auth: true)
        #expect(first.status == 200)
        let second = try await h.http("POST", "/api/v1/platform/payload", body: body, auth: true)
        #expect(second.status == 400)
        #expect(try JSONDecoder().decode(PlatformErrorBody.self, from: second.body).code == 604)
        #expect(try await h.http("GET", "/api/v1/platform/ping/", auth: true).status == 200)
        #expect(try await h.http("GET", "/api/v1/platform/payload/ci/dup-1/", auth: true).status == 200)
        #expect(try await h.simPayloads().filter { $0.identifier == "dup-1" }.count == 1)
    }

    @Test func wrongCredentialsAre403With813AndRateLimitHeadersEverywhere() async throws {
        let h = try await SimHarness.start()
        defer { Task { await h.stop() } }
        let r = try await h.http("GET", "/api/v1/platform/ping", headers: ["X-API-Key": SimHarness.key, "X-API-Secret": "wrong"])
        #expect(r.status == 403)
        let err = try JSONDecoder().decode(PlatformErrorBody.self, from: r.body)
        #expect(err.code == 813 && err.reference != nil)
        #expect(r.headers["x-ratelimit-limit"] == "30" && r.headers["x-ratelimit-remaining"] == "30")
        _ = try await h.http("POST", "/api/v1/platform/payload", body: #"{"txjson":\#(payment)}"#, auth: true)
        let after = try await h.http("GET", "/api/v1/platform/ping", auth: true)
        #expect(after.headers["x-ratelimit-remaining"] == "29")
    }

    @Test func rateLimitEnforcedWhenAsked() async throws {
        let h = try await SimHarness.start(enforceRateLimit: true, rateLimit: 3)
        defer { Task { await h.stop() } }
        var statuses: [Int] = []
        for _ in 0..<4 { statuses.append(try await h.http("POST", "/api/v1/platform/payload", body: #"{"txjson":\#(payment)}"#, auth: true).status) }
        #expect(statuses == [200, 200, 200, 429])
    }

    @Test func userTokensAcceptsObjectOrBareListAndDropsMalformed() async throws {
        let h = try await SimHarness.start()
        defer { Task { await h.stop() } }
        let alice = await h.token(of: "alice"), grace = await h.token(of: "grace"), heidi = await h.token(of: "heidi")
        let unknown = "11111111-2222-4333-8444-555555555555"
        for body in [#"{"tokens":["\#(alice)","\#(grace)","bogus","\#(heidi)","\#(unknown)"]}"#, #"["\#(alice)","\#(grace)","bogus","\#(heidi)","\#(unknown)"]"#] {
            let r = try await h.http("POST", "/api/v1/platform/user-tokens/", body: body, auth: true)
            let tokens = try JSONDecoder().decode(UserTokensResponse.self, from: r.body).tokens
            #expect(tokens.map(\.userToken) == [alice, grace, heidi, unknown])
            #expect(tokens.map(\.active) == [true, false, false, false])
            #expect(tokens[0].expires != nil && tokens[0].issued != nil)
        }
        let one = try await h.client.userToken(alice)
        #expect(one.active)
    }

    @Test func cancelSemantics() async throws {
        let h = try await SimHarness.start()
        defer { Task { await h.stop() } }
        let plain = try await h.client.createPayload(try await h.payment(user: nil))
        #expect(try await h.client.cancel(uuid: plain.uuid).result.reason == .ok)
        let again = try await h.client.cancel(uuid: plain.uuid)
        #expect(again.result.reason == .alreadyCancelled && !again.result.cancelled)
        let got = try await h.client.payload(uuid: plain.uuid)
        #expect(got.meta.cancelled && PayloadFinalState(payload: got).outcome == .cancelled)

        let opened = try await h.client.createPayload(try await h.payment(user: nil))
        _ = try await h.http("POST", "/_sim/payloads/\(opened.uuid)/open")
        #expect(try await h.client.cancel(uuid: opened.uuid).result.reason == .alreadyOpened)
        _ = try await h.http("POST", "/_sim/payloads/\(opened.uuid)/sign", body: #"{"user":"judy"}"#)
        #expect(try await h.client.cancel(uuid: opened.uuid).result.reason == .alreadyResolved)

        let expiring = try await h.client.createPayload(try await h.payment(user: nil))
        _ = try await h.http("POST", "/_sim/payloads/\(expiring.uuid)/expire")
        #expect(try await h.client.cancel(uuid: expiring.uuid).result.reason == .alreadyExpired)
        await #expect(throws: XummError.self) { try await h.client.cancel(uuid: "00000000-0000-4000-8000-000000000000") }
    }

    @Test func nextAlwaysIsASmallPage() async throws {
        let h = try await SimHarness.start()
        defer { Task { await h.stop() } }
        let created = try await h.client.createPayload(try await h.payment(user: nil))
        #expect(created.next.always.hasPrefix(h.sim.baseURL))
        let page = try await h.http("GET", String(created.next.always.dropFirst(h.sim.baseURL.count)))
        #expect(page.status == 200)
        #expect(String(decoding: page.body, as: UTF8.self).contains(created.uuid))
    }
}
