import Foundation
import SimulatorTestSupport
import Testing
import XummPlatform
import XummSimulator

/// The client's xApp, KYC, transaction, network, account and asset calls against the simulator.
@Suite struct PlatformEndpointSimulatorTests {
    static let bob = "rsve2Xb5UkL2TxKJivLPWcwFqX1cuW3AFx"
    static let alice = "rhjYCcdpwivemwgDXnVMLASkChgArZ1UaQ"

    @Test func xappPushAndEventFollowTheTokenAndLandInTheEventList() async throws {
        let h = try await SimHarness.start()
        defer { Task { await h.stop() } }
        let pushed = try await h.client.xappPush(XAppPushRequest(userToken: await h.token(of: "alice"), body: "Please open our xApp"))
        #expect(pushed == XAppPushResult(pushed: true))
        let event = try await h.client.xappEvent(XAppPushRequest(userToken: await h.token(of: "alice"), body: "Your card is ready",
                                                                 subtitle: "Cards", silent: true))
        #expect(event.pushed && event.uuid?.count == 36)
        // grace's token lapsed: not pushed, no event kept.
        let dead = try await h.client.xappEvent(XAppPushRequest(userToken: await h.token(of: "grace"), body: "hello"))
        #expect(dead == XAppPushResult(pushed: false))
        let events = try JSONDecoder().decode([SimXAppEvent].self, from: try await h.http("GET", "/_sim/events").body)
        #expect(events.map(\.user) == ["alice"] && events.first?.uuid == event.uuid && events.first?.silent == true)
        // A trailing slash (as xumm-sdk-py sends) reaches the same route.
        let slash = try await h.http("POST", "/api/v1/platform/xapp/push/", body: #"{"user_token":"\#(await h.token(of: "alice"))","body":"x"}"#, auth: true)
        #expect(slash.status == 200)
    }

    @Test func anApplicationWithoutAnXAppIsRefusedWithCodeAndReference() async throws {
        let h = try await SimHarness.start(xapp: false)
        defer { Task { await h.stop() } }
        do {
            _ = try await h.client.xappPush(XAppPushRequest(userToken: await h.token(of: "alice"), body: "hi"))
            Issue.record("pushed without an xApp")
        } catch let error as XummError {
            guard case .platform(400, 400, let reference?, let message?) = error else { Issue.record("got \(error)"); return }
            #expect(message.contains("no xApp") && !reference.isEmpty)
        }
    }

    @Test func kycByTokenAndByAccount() async throws {
        let h = try await SimHarness.start()
        defer { Task { await h.stop() } }
        #expect(try await h.client.kycStatus(userToken: await h.token(of: "alice")).kycStatus == .successful)
        #expect(try await h.client.kycStatus(userToken: await h.token(of: "bob")).kycStatus == .inProgress)
        #expect(try await h.client.kycStatus(userToken: await h.token(of: "carol")).kycStatus == .none)
        #expect(try await h.client.kycStatus(userToken: "00000000-0000-4000-8000-000000000000").kycStatus == .none)
        #expect(try await h.client.kycStatus(account: Self.alice) == KYCAccountInfo(account: Self.alice, kycApproved: true))
        #expect(try await h.client.kycStatus(account: Self.bob).kycApproved == false)
        do { _ = try await h.client.kycStatus(account: "rNotAnAddress"); Issue.record("accepted a bad address") }
        catch let e as XummError { if case .platform(400, _, _, _) = e {} else { Issue.record("got \(e)") } }
    }

    @Test func accountMetaRailsAndCuratedAssets() async throws {
        let h = try await SimHarness.start()
        defer { Task { await h.stop() } }
        let meta = try await h.client.accountMeta(account: Self.alice)
        #expect(meta.alias == "Alice" && meta.kycApproved && meta.xummPro)
        let stranger = try await h.client.accountMeta(account: "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh")
        #expect(stranger.alias == nil && !stranger.kycApproved)
        let rails = try await h.client.rails()
        #expect(Set(rails.keys) == ["MAINNET", "TESTNET"])
        #expect(rails["MAINNET"]?.isLivenet == true && rails["TESTNET"]?.isLivenet == false)
        #expect(rails["TESTNET"]?.explorerURL(txid: "AB") == "https://testnet.xrpl.org/transactions/AB")
        let assets = try await h.client.curatedAssets()
        #expect(assets.details["Bitstamp"]?.currencies["USD"]?.issuer == "rvYAfWj5gh67oV6fW32ZzP3Aw4Eubs59B")
        #expect(assets.issuers.allSatisfy { assets.details[$0] != nil })
    }

    func signedPayment(_ h: SimHarness, amount: String, flags: Int? = nil, network: String? = nil) async throws -> String {
        var fields = #""TransactionType":"Payment","Destination":"\#(Self.bob)","Amount":"\#(amount)""#
        if let flags { fields += #","Flags":\#(flags)"# }
        let request = PayloadCreateRequest(txjson: try TxJSON(text: "{\(fields)}"), userToken: await h.token(of: "judy"),
                                           options: PayloadOptions(forceNetwork: network))
        let created = try await h.client.createPayload(request)
        guard case .final(let state) = await h.final(created), state.outcome == .signed, let txid = state.payload.response.txid else {
            throw XummError.transport("payment was not signed")
        }
        return txid
    }

    @Test func aSignedPaymentMovesTheAmountAndValidatesAfterTheLedgerCloses() async throws {
        let h = try await SimHarness.start(timeScale: 0.5)
        defer { Task { await h.stop() } }
        let txid = try await signedPayment(h, amount: "1000000")
        let judy = "rhzSeceGh66EztyqD3W9aLjtXpGRWDQ6vf"
        let first = try await h.client.transaction(txid: txid)
        #expect(first.balanceChanges[Self.bob] == [.init(currency: "XRP", value: "1")])
        #expect(first.balanceChanges[judy] == [.init(currency: "XRP", value: "-1.000012")])
        #expect(first.deliveredAmount == .string("1000000") && first.result == "tesSUCCESS")
        #expect(first.transaction["Account"] == .string(judy))
        #expect(!first.validated, "the ledger closes 4 s (scaled) after the signature")
        try await Task.sleep(for: .seconds(2.2))
        #expect(try await h.client.transaction(txid: txid).validated)
    }

    @Test func aPartialPaymentDeliversLessAndATestnetOneIsNotOnMainnet() async throws {
        let h = try await SimHarness.start()
        defer { Task { await h.stop() } }
        let partial = try await h.client.transaction(txid: try await signedPayment(h, amount: "3000000", flags: 0x0002_0000))
        #expect(partial.deliveredAmount == .string("1500000"))
        #expect(partial.balanceChanges[Self.bob] == [.init(currency: "XRP", value: "1.5")])
        let testnet = try await signedPayment(h, amount: "1000000", network: "TESTNET")
        let got = try await h.client.payload(uuid: try #require(try await h.simPayloads().last?.uuid))
        #expect(got.response.environmentNodetype == "TESTNET" && got.response.environmentNetworkID == 1)
        do { _ = try await h.client.transaction(txid: testnet); Issue.record("a TESTNET transaction was found on MAINNET") }
        catch let e as XummError { if case .notFound = e {} else { Issue.record("got \(e)") } }
    }
}
