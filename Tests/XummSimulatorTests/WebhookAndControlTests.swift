import Foundation
import SimulatorTestSupport
import Testing
import XummPlatform
@testable import XummSimulator

@Suite struct WebhookAndControlTests {
    @Test func signedWebhookExactlyAsThePlatformSendsIt() async throws {
        let receiver = WebhookReceiver()
        let url = try await receiver.start()
        let h = try await SimHarness.start(webhookURL: url)
        defer { Task { await h.stop(); await receiver.stop() } }
        let alice = await h.sim.users().first { $0.name == "alice" }!
        let created = try await h.client.createPayload(try await h.payment(user: "alice", identifier: "wh-1"))
        let hit = try #require(await receiver.waitFor(1).first)
        #expect(hit.headers["user-agent"] == "xumm-webhook")
        #expect(hit.headers["x-xumm-attempt"] == "1")
        #expect(hit.headers["x-xumm-payload"] == created.uuid)
        let ts = try #require(hit.headers["x-xumm-request-timestamp"])
        let sig = try #require(hit.headers["x-xumm-request-signature"])
        #expect(WebhookSignature(apiSecret: SimHarness.secret).verify(signature: sig, timestamp: ts, body: hit.body))
        #expect(!WebhookSignature(apiSecret: "other-secret").verify(signature: sig, timestamp: ts, body: hit.body))
        let body = try JSONDecoder().decode(WebhookBody.self, from: hit.body)
        #expect(body.meta.payloadUUID == created.uuid)
        #expect(body.payloadResponse?.signed == true && body.payloadResponse?.userToken == true)
        #expect(body.userToken?.userToken == alice.userToken)
        #expect(body.customMeta?.identifier == "wh-1")
        let raw = try JSONValue.parse(hit.body)
        #expect(raw["userToken"]?["token_expiration"]?.numberValue != nil)
    }

    @Test func rejectedWebhookHasNullUserTokenAndFailuresAreRetried() async throws {
        let receiver = WebhookReceiver(statuses: [500, 503])
        let url = try await receiver.start()
        let h = try await SimHarness.start(timeScale: 0.01, webhookURL: url)
        defer { Task { await h.stop(); await receiver.stop() } }
        _ = try await h.client.createPayload(try await h.payment(user: "bob"))
        let hits = await receiver.waitFor(3)
        #expect(hits.map { $0.headers["x-xumm-attempt"] } == ["1", "2", "3"])
        try #require(hits.count >= 3)
        let raw = try JSONValue.parse(hits[2].body)
        #expect(raw["userToken"] == .null)
        // The simulator records the third attempt once it has read the answer, a moment after the
        // receiver saw the request: wait for that record rather than racing it.
        var deliveries = await h.sim.webhookDeliveries()
        let deadline = ContinuousClock.now + .seconds(10)
        while deliveries.count < 3, ContinuousClock.now < deadline, !Task.isCancelled {
            try await Task.sleep(for: .milliseconds(20))
            deliveries = await h.sim.webhookDeliveries()
        }
        #expect(deliveries.map(\.delivered) == [false, false, true])
    }

    @Test func duplicateWebhookFault() async throws {
        let receiver = WebhookReceiver()
        let url = try await receiver.start()
        let h = try await SimHarness.start(webhookURL: url)
        defer { Task { await h.stop(); await receiver.stop() } }
        _ = try await h.http("POST", "/_sim/faults", body: #"{"route":"webhook","kind":"duplicate"}"#)
        let created = try await h.client.createPayload(try await h.payment(user: "judy"))
        let hits = await receiver.waitFor(2)
        #expect(hits.count == 2 && hits.allSatisfy { $0.headers["x-xumm-payload"] == created.uuid })
    }

    @Test func controlAPIListsUsersChangesBehaviourAndAddsAUser() async throws {
        let receiver = WebhookReceiver()
        let url = try await receiver.start()
        let h = try await SimHarness.start(webhookURL: url)
        defer { Task { await h.stop(); await receiver.stop() } }
        let list = try JSONValue.parse(try await h.http("GET", "/_sim/users").body)
        guard case .array(let users) = list else { Issue.record("not a list"); return }
        #expect(users.count == 12)
        #expect(users.first?["name"]?.stringValue == "alice")
        for key in ["name", "user_token", "account", "behaviour", "active"] { #expect(users.first?[key] != nil, "\(key)") }

        let changed = try await h.http("POST", "/_sim/users/alice/behaviour", body: #"{"behaviour":"reject","after_seconds":1}"#)
        #expect(changed.status == 200)
        let created = try await h.client.createPayload(try await h.payment(user: "alice"))
        #expect(await h.final(created).finalState?.outcome == .rejected)

        let added = try await h.http("POST", "/_sim/users", body: #"{"name":"zoe","behaviour":"sign","after_seconds":1}"#)
        #expect(added.status == 201)
        let info = try JSONValue.parse(added.body)
        let token = try #require(info["user"]?["user_token"]?.stringValue)
        #expect(info["user"]?["active"]?.boolValue == true)
        #expect(ClassicAddress.isValid(info["user"]?["account"]?.stringValue ?? ""))
        let hits = await receiver.waitFor(2)
        let signIn = try #require(hits.compactMap { try? JSONDecoder().decode(WebhookBody.self, from: $0.body) }.first { $0.userToken?.userToken == token })
        #expect(signIn.meta.payloadUUID == info["payload_uuidv4"]?.stringValue)
        let pushed = try await h.client.createPayload(PayloadCreateRequest(txjson: try TxJSON(text: #"{"TransactionType":"SignIn"}"#), userToken: token))
        #expect(pushed.pushed)
    }

    @Test func forcedActionsAndPayloadList() async throws {
        let h = try await SimHarness.start()
        defer { Task { await h.stop() } }
        let created = try await h.client.createPayload(try await h.payment(user: nil, identifier: "force-1"))
        let r = try await h.http("POST", "/_sim/payloads/\(created.uuid)/sign", body: #"{"user":"carol"}"#)
        #expect(r.status == 200)
        let again = try await h.http("POST", "/_sim/payloads/\(created.uuid)/reject")
        #expect(again.status == 409)
        let list = try await h.simPayloads()
        #expect(list.count == 1 && list[0].state == "signed" && list[0].identifier == "force-1" && list[0].resolvedBy == "carol")
        let p = try await h.client.payload(identifier: "force-1")
        #expect(p.response.account == (await h.sim.users().first { $0.name == "carol" }!.account))
    }
}
