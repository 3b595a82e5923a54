import Foundation
import Testing
import XummPlatform

/// Issue 8, hostile input: long property tests of the websocket message decoder and the webhook body
/// parser. (The txjson reader's 100k-case fuzz lives in XRPLTxTests/FuzzTests.) A crash would end the
/// test process; the properties below are what every input must satisfy.
@Suite("Reliability: decoder fuzz")
struct ReliabilityDecoderFuzzTests {
    static let statusSeeds: [String] = [
        #"{"message":"Welcome 0d1f5d57-2b9e-4f3c-9a2b-5f2f3e1c8a11"}"#, #"{"expires_in_seconds":299}"#, #"{"expires_in_seconds":-15}"#,
        #"{"opened":true}"#, #"{"devapp_fetched":true}"#, #"{"pre_signed":true}"#, #"{"dispatched":true}"#, #"{"expired":true}"#,
        #"{"message":"Right back at you!"}"#,
        #"{"payload_uuidv4":"0d1f5d57-2b9e-4f3c-9a2b-5f2f3e1c8a11","reference_call_uuidv4":"a","signed":true,"user_token":true,"return_url":{"app":null,"web":null},"opened_by_deeplink":false,"custom_meta":{"identifier":"x","blob":{"a":[1,2]},"instruction":"hi"},"txid":"ABCD"}"#,
        #"{"signed":false,"user_token":false}"#,
    ]

    static let webhookSeeds: [String] = [
        #"{"meta":{"url":"https://x/hook","application_uuidv4":"app","payload_uuidv4":"0d1f5d57-2b9e-4f3c-9a2b-5f2f3e1c8a11","opened_by_deeplink":true},"custom_meta":{"identifier":"pd-1","blob":null,"instruction":null},"payloadResponse":{"payload_uuidv4":"0d1f5d57-2b9e-4f3c-9a2b-5f2f3e1c8a11","reference_call_uuidv4":"b","signed":true,"user_token":true,"return_url":{"app":null,"web":null},"txid":"ABC"},"userToken":{"user_token":"691d5ae8-968b-44c8-8835-f25da1214f35","token_issued":1700000000,"token_expiration":1702592000}}"#,
        #"{"meta":{"payload_uuidv4":"p"},"custom_meta":{},"payloadResponse":{"payload_uuidv4":"p","signed":false,"user_token":false},"userToken":null}"#,
    ]

    @Test func statusMessageDecoderSurvivesHostileFrames() {
        var rng = ReliabilityMutator(seed: 0x5747_5553)
        let cases = 60_000
        var unknown = 0
        for _ in 0..<cases {
            let text = rng.input(seeds: Self.statusSeeds)
            let message = StatusMessage.decode(text)
            // Property: nothing understood is invented; what is not understood is kept verbatim.
            if case .unknown(let raw) = message {
                unknown += 1
                #expect(raw == text)
            }
            // Property: whatever was understood survives a trip through its wire text.
            if case .unknown = message {} else {
                #expect(StatusMessage.decode(message.wireText) == message, "\(text)")
            }
        }
        // Every seed still decodes to something known.
        for seed in Self.statusSeeds {
            if case .unknown = StatusMessage.decode(seed) { Issue.record("seed not understood: \(seed)") }
        }
        print("[reliability] fuzz StatusMessage.decode: inputs=\(cases) unknown=\(unknown) crashes=0")
        #expect(unknown > 0 && unknown < cases)
    }

    @Test func webhookBodyParserSurvivesHostileBodies() {
        var rng = ReliabilityMutator(seed: 0x4B00_C0DE)
        let cases = 30_000
        var accepted = 0
        for _ in 0..<cases {
            let data = Data(rng.input(seeds: Self.webhookSeeds).utf8)
            let body: WebhookBody
            do {
                body = try WireDecoding.decode(WebhookBody.self, from: data)
            } catch {
                // Property: a refusal is always the typed error naming the type and a reason.
                if case .undecodable(let type, _, let reason) = error { #expect(type == "WebhookBody" && !reason.isEmpty) } else { Issue.record("unexpected \(error)") }
                continue
            }
            accepted += 1
            // Property: an accepted body means the same thing after a round trip.
            let again = (try? JSONEncoder().encode(body)).flatMap { try? WireDecoding.decode(WebhookBody.self, from: $0) }
            #expect(again == body)
        }
        for seed in Self.webhookSeeds { #expect((try? WireDecoding.decode(WebhookBody.self, from: Data(seed.utf8))) != nil) }
        print("[reliability] fuzz WireDecoding.decode(WebhookBody): inputs=\(cases) accepted=\(accepted) refused=\(cases - accepted) crashes=0")
        #expect(accepted > 0 && accepted < cases)
    }
}
