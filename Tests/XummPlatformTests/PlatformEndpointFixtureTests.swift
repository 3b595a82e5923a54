import Foundation
import Testing
@testable import XummPlatform

/// The SDKs' own bodies for xApp push/event, KYC, xrpl-tx and curated assets decode into typed models.
struct PlatformEndpointFixtureTests {
    func roundTrip<T: Codable & Equatable>(_ type: T.Type, _ data: Data) throws -> T {
        let first = try WireDecoding.decode(T.self, from: data)
        #expect(try WireDecoding.decode(T.self, from: JSONEncoder().encode(first)) == first)
        return first
    }

    @Test func xrplTxFixturesGiveBalanceChangesAndDeliveredAmount() throws {
        for data in [try Fixtures.data("xumm-net-sdk/xrpltx.json"), try Fixtures.part("xumm-sdk-js/xumm-api.json", "xrplTx"),
                     try Fixtures.part("xumm-sdk-py/xumm_api.json", "xrplTx")] {
            let tx = try roundTrip(XRPLTransactionReport.self, data)
            #expect(tx.txid == "A17E4DEAD62BF705D9B73B4EAD2832F1C55C6C5A0067327A45E497FD8D31C0E3")
            #expect(tx.balanceChanges["r4bA4uZgXadPMzURqGLCvCmD48FmXJWHCG"] == [.init(currency: "XRP", value: "-1.000012")])
            #expect(tx.balanceChanges["rPdvC6ccq8hCdPKSPJkPmyZ4Mi1oG2FFkT"] == [.init(currency: "XRP", value: "1")])
            #expect(tx.result == "tesSUCCESS")
            #expect(tx.validated)
            #expect(tx.deliveredAmount == .string("1000000"))
            #expect(tx.node == "wss://xrplcluster.com")
        }
    }

    @Test func kycFixturesDecodeBothForms() throws {
        let byToken = try roundTrip(KYCStatusResponse.self, Fixtures.data("xumm-net-sdk/kycstatus-usertoken.json"))
        #expect(byToken.kycStatus == .inProgress)
        #expect(byToken.possibleStatuses?["NONE"] == "No KYC attempt has been made")
        let invalid = try roundTrip(KYCStatusResponse.self, Fixtures.data("xumm-net-sdk/kycstatus-invalid.json"))
        #expect(invalid.kycStatus == .other("INVALID_STATUS"))
        let byAccount = try roundTrip(KYCAccountInfo.self, Fixtures.data("xumm-net-sdk/kycstatus-account.json"))
        #expect(byAccount == KYCAccountInfo(account: "rBLomsmaSJ1ttBmS3WPmPpWLAUDKFwiF9Q", kycApproved: true))
        #expect(try roundTrip(KYCStatusResponse.self, Fixtures.part("xumm-sdk-js/xumm-api.json", "kycStatus")).kycStatus == .inProgress)
        #expect(try roundTrip(KYCStatusResponse.self, Fixtures.part("xumm-sdk-py/xumm_api.json", "kycStatus", "post")).kycStatus == .inProgress)
        #expect(try roundTrip(KYCAccountInfo.self, Fixtures.part("xumm-sdk-py/xumm_api.json", "kycStatus", "get")).kycApproved == false)
    }

    @Test func curatedAssetsFixturesDecode() throws {
        for data in [try Fixtures.data("xumm-net-sdk/curated-assets.json"), try Fixtures.part("xumm-sdk-js/xumm-api.json", "curatedAssets"),
                     try Fixtures.part("xumm-sdk-py/xumm_api.json", "curatedAssets")] {
            let assets = try roundTrip(CuratedAssets.self, data)
            #expect(assets.issuers == ["Bitstamp", "Wietse"])
            #expect(assets.details["Bitstamp"]?.currencies["USD"]?.issuer == "rvYAfWj5gh67oV6fW32ZzP3Aw4Eubs59B")
            #expect(assets.details["Bitstamp"]?.shortlist == 1)
            #expect(assets.details["Wietse"]?.shortlist == 0)
        }
    }

    @Test func pushAndEventFixturesDecode() throws {
        let js = "xumm-sdk-js/xumm-api.json", py = "xumm-sdk-py/xumm_api.json"
        #expect(try roundTrip(XAppPushResult.self, Fixtures.part(js, "Push", "notification")) == XAppPushResult(pushed: true))
        #expect(try roundTrip(XAppPushResult.self, Fixtures.part(js, "Push", "event"))
                == XAppPushResult(pushed: true, uuid: "19dd8a5b-e167-49a1-8f21-50f0254c55ef"))
        #expect(try roundTrip(XAppPushResult.self, Fixtures.part(py, "xApp", "push")).pushed)
        #expect(try roundTrip(XAppPushResult.self, Fixtures.part(py, "xApp", "event")).uuid == "19dd8a5b-e167-49a1-8f21-50f0254c55ef")
    }

    @Test func pushRequestEncodesOnlyWhatIsSet() throws {
        let plain = try JSONValue.parse(JSONEncoder().encode(XAppPushRequest(userToken: "t", body: "Open the app")))
        #expect(plain == .object(["user_token": .string("t"), "body": .string("Open the app")]))
        let full = try JSONValue.parse(JSONEncoder().encode(XAppPushRequest(userToken: "t", body: "b", subtitle: "s",
                                                                            data: .object(["k": .number(1)]), silent: true)))
        #expect(full["subtitle"] == .string("s") && full["silent"] == .bool(true) && full["data"]?["k"] == .number(1))
    }

    @Test func railsAndAccountMetaDecodeTheSDKTypeShapes() throws {
        // No SDK ships a fixture for these two; the bodies follow the JS SDK's `Rails` type and the
        // platform's documented account-meta answer.
        let rails = try WireDecoding.decode([String: NetworkRail].self, from: Data(#"""
            {"MAINNET":{"chain_id":0,"color":"#232E39","name":"XRPL Mainnet","is_livenet":true,"native_asset":"xrp",
             "endpoints":[{"name":"XRPL Cluster","url":"wss://xrplcluster.com"}],
             "explorers":[{"name":"Bithomp","url_tx":"https://bithomp.com/explorer/","url_account":"https://bithomp.com/explorer/"}],
             "rpc":"https://xrplcluster.com","definitions":"https://x/definitions.json","icons":{"icon_square":"a","icon_asset":"b"}},
             "TESTNET":{"chain_id":1,"color":"#FF6719","name":"XRPL Testnet","is_livenet":false,"native_asset":"xrp","endpoints":[],
             "explorers":[{"name":"Explorer","url_tx":"https://testnet.xrpl.org/transactions/"}],"icons":{"icon_square":"a","icon_asset":"b"}}}
            """#.utf8))
        #expect(rails["MAINNET"]?.isLivenet == true)
        #expect(rails["TESTNET"]?.explorerURL(txid: "AB") == "https://testnet.xrpl.org/transactions/AB")
        let meta = try roundTrip(AccountMeta.self, Data(#"""
            {"account":"rwietsevLFg8XSmG3bEZzFein1g8RBqWDZ","kycApproved":true,"xummPro":true,"blocked":false,"force_dtag":false,
             "avatar":"https://xumm.app/avatar/rwietsevLFg8XSmG3bEZzFein1g8RBqWDZ.png",
             "xummProfile":{"accountAlias":"XRPL Labs - Wietse Wind","ownerAlias":"Wietse Wind","slug":"wietsewind"},
             "thirdPartyProfiles":[{"accountAlias":"Wietse","source":"xumm.app"}],"globalid":{"linked":null}}
            """#.utf8))
        #expect(meta.alias == "XRPL Labs - Wietse Wind" && meta.kycApproved && meta.xummPro && !meta.blocked)
    }
}
