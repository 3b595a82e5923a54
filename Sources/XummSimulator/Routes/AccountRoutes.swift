import Foundation
import Hummingbird
import XummPlatform

/// The platform's non-payload endpoints under `/api/v1/platform/`: xApp push and event, KYC,
/// transaction outcomes, networks, account meta, curated assets. Paths also answer with a trailing
/// slash (xumm-sdk-py posts to `xapp/push/`).
struct AccountRoutes {
    let engine: SimulatorEngine

    func register(on group: RouterGroup<BasicRequestContext>) {
        for event in [false, true] {
            group.post(event ? "xapp/event" : "xapp/push") { request, _ in
                var request = request
                let data = Data(try await request.collectBody(upTo: 1 << 20).readableBytesView)
                guard let body = try? JSONDecoder().decode(XAppPushRequest.self, from: data) else {
                    return Reply.error(status: 400, code: 400, message: "expected {\"user_token\":...,\"body\":...}")
                }
                do throws(SimulatorEngine.XAppRefusal) {
                    return Reply.json(try await engine.xappPush(body, event: event))
                } catch .noXApp {
                    return Reply.error(status: 400, code: 400,
                                       message: "This application has no xApp: push and event need an xApp set up in the Developer Console")
                } catch .invalidBody(let why) {
                    return Reply.error(status: 400, code: 400, message: why)
                }
            }
        }
        group.post("kyc-status") { request, _ in
            var request = request
            let data = Data(try await request.collectBody(upTo: 1 << 16).readableBytesView)
            guard let token = (try? JSONValue.parse(data))?["user_token"]?.stringValue else {
                return Reply.error(status: 400, code: 400, message: "expected {\"user_token\":...}")
            }
            return Reply.json(await engine.kycStatus(userToken: token))
        }
        group.get("kyc-status/:account") { _, context in
            let account = context.parameters.get("account") ?? ""
            guard ClassicAddress.isValid(account) else { return Reply.error(status: 400, code: 400, message: "invalid account") }
            let meta = await engine.accountMeta(account: account)
            return Reply.json(KYCAccountInfo(account: account, kycApproved: meta.kycApproved))
        }
        group.get("account-meta/:account") { _, context in
            let account = context.parameters.get("account") ?? ""
            guard ClassicAddress.isValid(account) else { return Reply.error(status: 400, code: 400, message: "invalid account") }
            return Reply.json(await engine.accountMeta(account: account))
        }
        group.get("xrpl-tx/:txid") { _, context in
            guard let report = await engine.transactionReport(txid: context.parameters.get("txid") ?? "") else {
                return Reply.error(status: 404, code: 404, message: "transaction not found on MAINNET")
            }
            return Reply.json(report)
        }
        group.get("rails") { _, _ in Reply.json(SimulatorEngine.rails) }
        group.get("curated-assets") { _, _ in Reply.json(await engine.curatedAssets()) }
    }
}
