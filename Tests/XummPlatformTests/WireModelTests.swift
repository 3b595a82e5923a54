import Foundation
import Testing
@testable import XummPlatform

struct WireModelTests {
    @Test func webhookSignatureMatchesTheWorkedExample() {
        let sig = WebhookSignature(apiSecret: "11111111-2222-3333-4444-555555555555")
        let body = Data(#"{"meta":{"payload_uuidv4":"aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"},"userToken":null}"#.utf8)
        #expect(sig.sign(timestamp: "1732600000", body: body) == "cd90632a35d6a21b80dc840e93ec1984b4f501af")
        #expect(sig.verify(signature: "cd90632a35d6a21b80dc840e93ec1984b4f501af", timestamp: "1732600000", body: body))
        #expect(sig.verify(signature: "CD90632A35D6A21B80DC840E93EC1984B4F501AF", timestamp: "1732600000", body: body))
        // Removing every dash gives a different, wrong key.
        let wrong = WebhookSignature(apiSecret: "11111111222233334444555555555555")
        #expect(wrong.sign(timestamp: "1732600000", body: body) != "cd90632a35d6a21b80dc840e93ec1984b4f501af")
        #expect(!sig.verify(signature: "cd90632a35d6a21b80dc840e93ec1984b4f501af", timestamp: "1732600001", body: body))
        var tampered = body; tampered[5] = UInt8(ascii: "M")
        #expect(!sig.verify(signature: "cd90632a35d6a21b80dc840e93ec1984b4f501af", timestamp: "1732600000", body: tampered))
        #expect(!sig.verify(signature: "", timestamp: "1732600000", body: body))
    }

    @Test func statusMessagesDecodeIntoTypedEvents() {
        #expect(StatusMessage.decode(#"{"message":"Welcome 0000-1"}"#) == .welcome(uuid: "0000-1"))
        #expect(StatusMessage.decode(#"{"expires_in_seconds":299}"#) == .expiresIn(seconds: 299))
        #expect(StatusMessage.decode(#"{"expires_in_seconds":-15}"#) == .expiresIn(seconds: -15))
        #expect(StatusMessage.decode(#"{"opened":true}"#) == .opened)
        #expect(StatusMessage.decode(#"{"devapp_fetched":true}"#) == .devappFetched)
        #expect(StatusMessage.decode(#"{"pre_signed":true}"#) == .preSigned)
        #expect(StatusMessage.decode(#"{"dispatched":true}"#) == .dispatched)
        #expect(StatusMessage.decode(#"{"expired":true}"#) == .expired)
        #expect(StatusMessage.decode(#"{"message":"Right back at you!"}"#) == .pong)
        let resolved = StatusMessage.decode(#"{"payload_uuidv4":"p","reference_call_uuidv4":"r","signed":true,"user_token":true,"return_url":{"app":null,"web":null},"txid":"AB","opened_by_deeplink":false,"custom_meta":{}}"#)
        guard case .resolved(let r) = resolved else { Issue.record("not resolved"); return }
        #expect(r.signed && r.userToken == true && r.txid == "AB" && r.payloadUUID == "p")
        #expect(StatusMessage.decode(#"{"signed":false}"#) == .resolved(.init(payloadUUID: nil, referenceCallUUID: nil, signed: false, userToken: nil, txid: nil, returnURL: nil)))
        #expect(StatusMessage.decode("not json") == .unknown(raw: "not json"))
        #expect(StatusMessage.decode(#"{"something":1}"#) == .unknown(raw: #"{"something":1}"#))
        #expect(StatusMessage.decode(#"[1,2]"#) == .unknown(raw: "[1,2]"))
        // Wire text round-trips.
        for m in [StatusMessage.welcome(uuid: "x"), .expiresIn(seconds: -3), .opened, .devappFetched, .preSigned, .dispatched, .expired, .pong] {
            #expect(StatusMessage.decode(m.wireText) == m)
        }
    }

    @Test func createBodyKeepsTxjsonKeyOrderVerbatim() throws {
        let text = #"{"TransactionType":"Payment","Destination":"rPEPPER7kfTD9w2To4CQk6UCfuHM9c6GDY","Amount":"1000000","Fee":"12"}"#
        let req = PayloadCreateRequest(txjson: try TxJSON(text: text), userToken: "tok", options: PayloadOptions(submit: true, expire: 5),
                                       customMeta: CustomMeta(identifier: "pd-1", instruction: "hi"))
        let body = String(decoding: try req.wireBody(), as: UTF8.self)
        #expect(body.hasPrefix(#"{"txjson":"# + text + ","))
        let back = try WireDecoding.decode(PayloadCreateRequest.self, from: Data(body.utf8))
        #expect(back.userToken == "tok" && back.options?.expire == 5 && back.customMeta?.identifier == "pd-1")
        #expect(back.txjson?.value == req.txjson?.value)
        #expect(throws: (any Error).self) { try TxJSON(text: "[1]") }
        #expect(throws: XummError.invalidRequest("exactly one of txjson or txblob is required")) {
            try XummClient.wireBody(PayloadCreateRequest(userToken: "t"))
        }
    }

    @Test func userTokenRequestAcceptsObjectOrBareList() throws {
        #expect(try JSONDecoder().decode(UserTokensRequest.self, from: Data(#"["a","b"]"#.utf8)).tokens == ["a", "b"])
        #expect(try JSONDecoder().decode(UserTokensRequest.self, from: Data(#"{"tokens":["a",3,"c"]}"#.utf8)).tokens == ["a", "c"])
    }

    @Test func credentialsNeverPrintTheSecret() {
        let c = XummCredentials(apiKey: "key-1", apiSecret: "s3cr3t-value")
        #expect(!"\(c)".contains("s3cr3t"))
        #expect(!String(reflecting: c).contains("s3cr3t"))
    }

    @Test func finalStateClassification() {
        func meta(_ resolved: Bool, _ signed: Bool, _ cancelled: Bool, _ expired: Bool) -> PayloadMeta {
            PayloadMeta(uuid: "u", resolved: resolved, signed: signed, cancelled: cancelled, expired: expired)
        }
        #expect(PayloadFinalState.classify(meta(true, true, false, false)) == .signed)
        #expect(PayloadFinalState.classify(meta(true, false, false, false)) == .rejected)
        #expect(PayloadFinalState.classify(meta(false, false, true, false)) == .cancelled)
        #expect(PayloadFinalState.classify(meta(false, false, false, true)) == .expired)
        #expect(PayloadFinalState.classify(meta(true, true, false, true)) == .signed) // opened, signed after expiry
        #expect(PayloadFinalState.classify(meta(false, false, false, false)) == .pending)
    }
}
