import Foundation
import Testing
@testable import XummPlatform

/// Every body written by the public SDKs' authors decodes into our wire models.
struct FixtureDecodingTests {
    /// Decodes, re-encodes and decodes again: the second decode must equal the first (nothing lost).
    func roundTrip<T: Codable & Equatable>(_ type: T.Type, _ data: Data) throws -> T {
        let first = try WireDecoding.decode(T.self, from: data)
        let again = try WireDecoding.decode(T.self, from: JSONEncoder().encode(first))
        #expect(first == again)
        return first
    }

    @Test func everyFixtureFileIsCoveredAndDecodes() throws {
        let files = try Fixtures.allFiles()
        #expect(files.count == 21)
        for file in files {
            // Every file is at least valid JSON for our generic reader (BOMs included).
            let value = try JSONValue.parse(Fixtures.data(file))
            guard case .object = value else { Issue.record("\(file) is not an object"); continue }
        }
    }

    @Test func netSDKFilesDecodeIntoTypedModels() throws {
        let create = try roundTrip(PayloadCreateResponse.self, Fixtures.data("xumm-net-sdk/payload-create.json"))
        #expect(create.pushed == false)
        #expect(create.refs.websocketStatus.hasPrefix("ws://localhost:3001/sign/"))
        #expect(create.next.noPushMsgReceived == nil)

        let get = try roundTrip(XummPayload.self, Fixtures.data("xumm-net-sdk/payload-get.json"))
        #expect(get.meta.uuid == "00000000-0000-4839-af2f-f794874a80b0")
        #expect(PayloadFinalState(payload: get).outcome == .signed)

        let cancel = try roundTrip(PayloadCancelResponse.self, Fixtures.data("xumm-net-sdk/payload-cancel.json"))
        #expect(cancel.result.reason == .ok)
        #expect(cancel.meta.forceNetwork == "MAINNET")
        #expect(cancel.meta.signers?.count == 2)

        let pong = try roundTrip(Pong.self, Fixtures.data("xumm-net-sdk/pong.json"))
        #expect(pong.auth.application.name == "SomeApplication")
        #expect(pong.auth.application.disabled.value == false)
        #expect(pong.auth.application.redirecturis?.count == 2)

        let tokens = try roundTrip(UserTokensResponse.self, Fixtures.data("xumm-net-sdk/user-tokens.json"))
        #expect(tokens.tokens.map(\.active) == [true, false])
        let one = try roundTrip(UserTokensResponse.self, Fixtures.data("xumm-net-sdk/user-token.json"))
        #expect(one.tokens.first?.userToken == "691d5ae8-968b-44c8-8835-f25da1214f35")

        for file in ["curated-assets", "kycstatus-account", "kycstatus-invalid", "kycstatus-usertoken", "rates", "xrpltx"] {
            _ = try roundTrip(JSONValue.self, Fixtures.data("xumm-net-sdk/\(file).json"))
        }
    }

    @Test func bothErrorShapesDecode() throws {
        let nested = try WireDecoding.decode(PlatformErrorBody.self, from: Fixtures.data("xumm-net-sdk/payload-error.json"))
        #expect(nested.code != nil && nested.reference != nil && nested.message == nil)
        let fatal = try WireDecoding.decode(PlatformErrorBody.self, from: Fixtures.data("xumm-net-sdk/payload-fatal.json"))
        #expect(fatal.code == 500)
        #expect(fatal.message == "Some error has occured")
        #expect(fatal.reference == "a61ba59a-0304-44ae-a86e-d74808bd5190")
        let creds = try WireDecoding.decode(PlatformErrorBody.self, from: Fixtures.data("xumm-net-sdk/invalid-credentials.json"))
        #expect(creds.code == 813)
        let notFound = try WireDecoding.decode(PlatformErrorBody.self, from: Fixtures.data("xumm-net-sdk/payload-notfound.json"))
        #expect(notFound.code == 404)
        // A success body is not an error body.
        #expect(throws: (any Error).self) { try WireDecoding.decode(PlatformErrorBody.self, from: Fixtures.data("xumm-net-sdk/pong.json")) }
    }

    @Test func errorShapesMapToOperatorErrors() throws {
        let headers: [(String, String)] = [("X-RateLimit-Limit", "30"), ("X-RateLimit-Remaining", "0")]
        let h = HTTPHeadersShim.make(headers)
        func map(_ status: Int, _ file: String) throws -> XummError {
            do {
                let _: Pong = try XummClient.interpret(status: status, headers: h, data: Fixtures.data(file), notFound: "payload")
            } catch let e as XummError { return e }
            Issue.record("no error"); return .transport("none")
        }
        #expect(try map(403, "xumm-net-sdk/invalid-credentials.json") == .credentialsRefused(reference: "26279bfe-c7e1-4b12-a680-26119d8f5062"))
        #expect(try map(404, "xumm-net-sdk/payload-notfound.json") == .notFound(what: "payload", reference: "a61ba59a-0304-44ae-a86e-d74808bd5190"))
        #expect(try map(500, "xumm-net-sdk/payload-fatal.json") == .server(status: 500, code: 500, reference: "a61ba59a-0304-44ae-a86e-d74808bd5190"))
        #expect(try map(429, "xumm-net-sdk/payload-error.json") == .rateLimited(limit: 30, remaining: 0, retryAfter: nil))
        if case .platform(400, 602, _, _) = try map(400, "xumm-net-sdk/payload-error.json") {} else { Issue.record("602 not a platform error") }
        let e = try map(403, "xumm-net-sdk/invalid-credentials.json")
        #expect(e.description.contains("813") && e.description.contains("26279bfe"))
        // A 200 carrying an error body is an error too.
        if case .platform = try map(200, "xumm-net-sdk/payload-error.json") {} else { Issue.record("200 with error body accepted") }
    }

    @Test func undecodableBodyNamesTheFailingField() throws {
        let body = Data(#"{"uuid":"u","next":{"always":"x"},"refs":{"qr_png":"a","qr_matrix":"b","websocket_status":"c"},"pushed":"yes"}"#.utf8)
        #expect(throws: XummError.undecodable(type: "PayloadCreateResponse", path: "pushed", reason: "expected Bool")) {
            try WireDecoding.decode(PayloadCreateResponse.self, from: body)
        }
        let nested = Data(#"{"meta":{"uuid":"u","resolved":1}}"#.utf8)
        do { _ = try WireDecoding.decode(XummPayload.self, from: nested); Issue.record("decoded") }
        catch let XummError.undecodable(_, path, _) { #expect(path == "meta.resolved") }
    }

    @Test func sdkJSONFileDecodesEverySection() throws {
        let f = "xumm-sdk-js/xumm-api.json"
        _ = try roundTrip(PlatformErrorBody.self, Fixtures.part(f, "invalidCredentials"))
        _ = try roundTrip(Pong.self, Fixtures.part(f, "ping", "pong"))
        _ = try roundTrip(PayloadCreateResponse.self, Fixtures.part(f, "payload", "created"))
        let c = try roundTrip(PayloadCancelResponse.self, Fixtures.part(f, "payload", "cancelled"))
        #expect(c.customMeta?.blob?["location"] == .string("Amersfoort"))
        let g = try roundTrip(XummPayload.self, Fixtures.part(f, "payload", "get"))
        #expect(g.meta.pathfinding == nil && g.meta.signers == nil)
        #expect(g.customMeta?.instruction?.contains("❤️") == true)
        _ = try roundTrip(PlatformErrorBody.self, Fixtures.part(f, "payload", "error"))
        _ = try roundTrip(PlatformErrorBody.self, Fixtures.part(f, "payload", "notfound"))
        for k in ["curatedAssets", "kycStatus", "xrplTx", "xApp", "Push"] { _ = try roundTrip(JSONValue.self, Fixtures.part(f, k)) }
    }

    @Test func pySDKFileDecodesEverySectionIncludingWebhookAndTokens() throws {
        let f = "xumm-sdk-py/xumm_api.json"
        _ = try roundTrip(Pong.self, Fixtures.part(f, "ping", "pong"))
        _ = try roundTrip(PayloadCreateResponse.self, Fixtures.part(f, "payload", "created"))
        _ = try roundTrip(PayloadCancelResponse.self, Fixtures.part(f, "payload", "cancelled"))
        let g = try roundTrip(XummPayload.self, Fixtures.part(f, "payload", "get"))
        #expect(g.response.dispatchedNodetype == "MAINNET")
        #expect(g.response.signer == "rPEPPER7kfTD9w2To4CQk6UCfuHM9c6GDY")
        let hook = try roundTrip(WebhookBody.self, Fixtures.part(f, "webhook"))
        #expect(hook.userToken?.userToken == "00000001-1111-2222-af2f-f794874a80b0")
        #expect(hook.userToken?.tokenExpiration == 3600)
        #expect(hook.payloadResponse?.userToken == true)
        #expect(hook.payloadResponse?.txid?.count == 64)
        let tokens = try roundTrip(UserTokensResponse.self, Fixtures.part(f, "userTokens"))
        #expect(tokens.tokens.first?.issued == 0 && tokens.tokens.first?.expires == 3600)
        for k in ["storage", "curatedAssets", "kycStatus", "xrplTx", "xApp", "rates"] { _ = try roundTrip(JSONValue.self, Fixtures.part(f, k)) }
    }

    @Test func goClientFilesDecode() throws {
        let g = try roundTrip(XummPayload.self, Fixtures.data("xumm-go-client/valid_get_payload_response.json"))
        #expect(g.meta.openedByDeeplink == nil)
        #expect(g.application.issuedUserToken == "test")
        #expect(g.customMeta == nil)
        let req = try WireDecoding.decode(PayloadCreateRequest.self, from: Fixtures.data("xumm-go-client/post_payload_request.json"))
        #expect(req.userToken == "token")
        #expect(req.txjson?.transactionType == "Payment")
        let bad = try WireDecoding.decode(PayloadCreateRequest.self, from: Fixtures.data("xumm-go-client/post_payload_invalid_request.json"))
        #expect(bad.txjson?.transactionType == nil)
    }

    @Test func webhookBodyWithNullUserTokenDecodes() throws {
        let body = Data(#"{"meta":{"payload_uuidv4":"aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"},"userToken":null}"#.utf8)
        let hook = try WireDecoding.decode(WebhookBody.self, from: body)
        #expect(hook.userToken == nil)
        #expect(hook.meta.payloadUUID == "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee")
    }

    @Test func servedBodiesCarryEveryDocumentedKeyEvenWhenNull() throws {
        let meta = PayloadMeta(uuid: "u")
        let obj = try JSONSerialization.jsonObject(with: JSONEncoder().encode(meta)) as! [String: Any]
        for key in ["pathfinding", "pathfinding_fallback", "force_network", "signers", "is_xapp", "return_url_app", "return_url_web", "opened_by_deeplink", "immutable"] {
            #expect(obj.keys.contains(key), "meta lacks \(key)")
        }
    }
}
