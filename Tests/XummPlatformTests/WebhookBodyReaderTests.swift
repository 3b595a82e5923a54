import Foundation
import Testing
@testable import XummPlatform

/// The inbox's hand-written body reader must agree with `JSONDecoder` on every input: when its fast
/// path answers, the answer equals JSONDecoder's; when JSONDecoder refuses, so does the reader.
struct WebhookBodyReaderTests {
    static func codable(_ bytes: [UInt8]) -> WebhookBody? { try? JSONDecoder().decode(WebhookBody.self, from: Data(bytes)) }
    static func fast(_ bytes: [UInt8]) -> WebhookBody? { bytes.withUnsafeBufferPointer { WebhookBodyReader.read($0) } }

    static let seeds: [String] = [
        #"{"meta":{"url":"https://example.com/hook","application_uuidv4":"app-1","payload_uuidv4":"p-1","opened_by_deeplink":true},"custom_meta":{"identifier":"pd-1","blob":null,"instruction":"Sign in"},"payloadResponse":{"payload_uuidv4":"p-1","reference_call_uuidv4":"r-1","signed":true,"user_token":true,"return_url":{"app":null,"web":"https://x"},"txid":"ABCDEF"},"userToken":{"user_token":"tok-1","token_issued":1700000000,"token_expiration":1702592000}}"#,
        #"{"meta":{"payload_uuidv4":"aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"},"userToken":null}"#,
        #" { "meta" : { "payload_uuidv4" : "p" , "extra" : [1, -2.5e3, {"x": [true, false, null]}, "s"] } , "payloadResponse" : { "payload_uuidv4":"p","signed":false,"user_token":null,"txid":null } , "custom_meta" : {} } "#,
        #"{"meta":{"payload_uuidv4":"p","url":null},"userToken":{"user_token":"t","token_issued":null,"token_expiration":-5}}"#,
        #"{"meta":{"payload_uuidv4":"p","url":"https:\/\/a\"b\\c\n\t","application_uuidv4":"Zoë 👋"}}"#,
    ]

    @Test func theSDKFixtureAndTypicalBodiesTakeTheFastPathAndMatchJSONDecoder() throws {
        // The SDK's own example (with its `custom_meta.blob`) falls back to JSONDecoder; without the
        // blob, it takes the fast path, escaped slashes (`https:\/\/`) and all.
        let fixture = try Array(Fixtures.part("xumm-sdk-py/xumm_api.json", "webhook"))
        #expect(WebhookBodyReader.decode(fixture) == Self.codable(fixture))
        #expect(WebhookBodyReader.decode(fixture)?.customMeta?.blob != nil)
        let withoutBlob = Array(String(decoding: fixture, as: UTF8.self).replacingOccurrences(of: #""blob":{"location":"Amersfoort"}"#, with: #""blob":null"#).utf8)
        #expect(withoutBlob != fixture)
        #expect(String(decoding: withoutBlob, as: UTF8.self).contains(#"https:\/\/"#))
        for bytes in [withoutBlob] + Self.seeds.map({ Array($0.utf8) }) {
            let fast = try #require(Self.fast(bytes), "fast path gave up on \(String(decoding: bytes, as: UTF8.self))")
            #expect(fast == Self.codable(bytes))
        }
        // What the encoder writes for our own model (every key, nulls included) is read back whole.
        let body = WebhookBody(meta: .init(url: "u", applicationUUID: "a", payloadUUID: "p"), customMeta: CustomMeta(identifier: "i"),
                               payloadResponse: .init(payloadUUID: "p", referenceCallUUID: nil, signed: true, userToken: false, txid: "t"),
                               userToken: .init(userToken: "tok", tokenIssued: 1, tokenExpiration: 2))
        #expect(Self.fast(Array(try JSONEncoder().encode(body))) == body)
    }

    @Test func shapesOutsideTheFastPathFallBackToJSONDecoder() {
        let cases = [
            #"{"meta":{"payload_uuidv4":"p\u0041"}}"#,                        // \u escape
            #"{"meta":{"payload_uuidv4":"p"},}"#,                              // lenient: trailing comma
            #"{"meta":{"payload_uuidv4":"p"},"x":01}"#,                        // lenient: leading zero
            #"{"meta":{"payload_uuidv4":"p"},"custom_meta":{"blob":{"k":1}}}"#, // blob
            "\u{FEFF}" + #"{"meta":{"payload_uuidv4":"p"}}"#,                 // byte-order mark
            #"{"meta":{"payload_uuidv4":"p"},"userToken":{"user_token":"t","token_issued":1.0}}"#,
        ]
        for text in cases {
            let bytes = Array(text.utf8)
            #expect(Self.fast(bytes) == nil, "fast path should give up on \(text)")
            #expect(WebhookBodyReader.decode(bytes) == Self.codable(bytes), "\(text)")
        }
        #expect(WebhookBodyReader.decode(Array(cases[0].utf8))?.meta.payloadUUID == "pA")
        #expect(Self.fast(Array(#"{"meta":{"payload_uuidv4":"p"},"meta":{"payload_uuidv4":"q"}}"#.utf8)) == nil, "duplicate key")
    }

    @Test func malformedAndWronglyTypedBodiesAreRefusedByBoth() {
        let cases = [
            "", "{", "[]", "null", #"{"meta":{}}"#, #"{"meta":{"payload_uuidv4":null}}"#, #"{"meta":{"payload_uuidv4":1}}"#,
            #"{"meta":{"payload_uuidv4":"p"}} x"#,
            #"{"meta":{"payload_uuidv4":"p"},"x":tru}"#, #"{"meta":{"payload_uuidv4":"p"},"payloadResponse":{"payload_uuidv4":"p"}}"#,
            #"{"meta":{"payload_uuidv4":"p"},"userToken":{"user_token":"t","token_issued":"1"}}"#,
            #"{"meta":{"payload_uuidv4":"p"},"userToken":{"user_token":"t","token_issued":99999999999999999999}}"#,
        ]
        for text in cases {
            let bytes = Array(text.utf8)
            #expect(Self.fast(bytes) == nil, "\(text)")
            #expect(WebhookBodyReader.decode(bytes) == nil, "\(text)")
        }
    }

    /// 30,000 byte-level mutations of the seeds: the fast path never disagrees with JSONDecoder.
    @Test func mutatedBodiesNeverMakeTheTwoDisagree() {
        var rng = SplitMix(state: 0x5EED_0F_B0D1)
        let alphabet = Array(#"{}[],:"\ 0123456789-.eEtruefalsn/u"#.utf8) + [0x80, 0xC3, 0xA9, 0x00, 0x0A]
        var fastAnswers = 0
        for round in 0..<30_000 {
            var bytes = Array(Self.seeds[round % Self.seeds.count].utf8)
            for _ in 0..<(1 + rng.below(3)) {
                let at = rng.below(bytes.count)
                switch rng.below(3) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(alphabet[rng.below(alphabet.count)], at: at)
                default: bytes[at] = alphabet[rng.below(alphabet.count)]
                }
                if bytes.isEmpty { break }
            }
            let reference = Self.codable(bytes)
            if let fast = Self.fast(bytes) {
                fastAnswers += 1
                #expect(fast == reference, "disagree on \(String(decoding: bytes, as: UTF8.self))")
                if fast != reference { return }
            }
            #expect(WebhookBodyReader.decode(bytes) == reference)
        }
        // The mutations must leave many inputs the fast path still reads, or this test proves nothing.
        #expect(fastAnswers > 2_500)
    }
}

/// SplitMix64: a seeded generator so a failing mutation reproduces.
private struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
}
