import Foundation
import XummPlatform

/// The platform endpoints beyond payloads: xApp push and events, KYC, transaction outcomes, networks,
/// account meta and curated assets.
extension SimulatorEngine {
    enum XAppRefusal: Error { case noXApp, invalidBody(String) }

    /// `POST /xapp/push` (`event: false`) or `/xapp/event`. Pushed only when the user's token is active.
    func xappPush(_ request: XAppPushRequest, event: Bool) throws(XAppRefusal) -> XAppPushResult {
        guard config.xappEnabled else { throw .noXApp }
        guard !request.body.trimmingCharacters(in: .whitespaces).isEmpty else { throw .invalidBody("body is required") }
        let now = Date()
        guard let user = users.first(where: { $0.userToken == request.userToken }), user.tokenActive(at: now) else {
            return XAppPushResult(pushed: false)
        }
        logger.info(event ? "xapp event" : "xapp push", metadata: ["user": "\(user.name)"])
        guard event else { return XAppPushResult(pushed: true) }
        let uuid = UUID().uuidString.lowercased()
        xappEvents.append(SimXAppEvent(uuid: uuid, user: user.name, subtitle: request.subtitle, body: request.body,
                                       silent: request.silent ?? false, at: Int(now.timeIntervalSince1970)))
        return XAppPushResult(pushed: true, uuid: uuid)
    }

    /// `POST /kyc-status`: `NONE` for an unknown token, as the platform answers.
    func kycStatus(userToken: String) -> KYCStatusResponse {
        let status = users.first { $0.userToken == userToken }?.kyc ?? .none
        return KYCStatusResponse(kycStatus: status, possibleStatuses: Self.kycWording)
    }

    /// The platform's own wording, to the letter (xumm-sdk-py checks it).
    static let kycWording: [String: String] = [
        "NONE": "No KYC attempt has been made",
        "IN_PROGRESS": "KYC flow has been started, but did not finish (yet)",
        "REJECTED": "KYC flow has been started and rejected (NO SUCCESSFUL KYC)",
        "SUCCESSFUL": "KYC flow has been started and was SUCCESSFUL :)",
    ]

    /// `GET /account-meta/{account}` (also the source of `GET /kyc-status/{account}`).
    func accountMeta(account: String) -> AccountMeta {
        guard let user = users.first(where: { $0.account == account }) else { return AccountMeta(account: account) }
        let alias = user.name.prefix(1).uppercased() + user.name.dropFirst()
        return AccountMeta(account: account, kycApproved: user.kyc == .successful, xummPro: user.xummPro,
                           avatar: "\(origin)/avatar/\(account).png", xummProfile: .init(accountAlias: alias, ownerAlias: alias))
    }

    /// `GET /xrpl-tx/{txid}`: nil (404) for a transaction this ledger never saw.
    func transactionReport(txid: String) -> XRPLTransactionReport? {
        let now = Date()
        let ledgerClose = 4 * config.timeScale
        return payloads.values.first { $0.txid?.caseInsensitiveCompare(txid) == .orderedSame }
            .flatMap { LedgerOutcome.report($0, now: now, ledgerClose: ledgerClose) }
    }

    /// `GET /rails`.
    nonisolated static let rails: [String: NetworkRail] = [
        "MAINNET": NetworkRail(chainID: 0, color: "#232E39", name: "XRP Ledger Mainnet", isLivenet: true, nativeAsset: "xrp",
                               endpoints: [.init(name: "XRPL Cluster", url: "wss://xrplcluster.com")],
                               explorers: [.init(name: "XRPL Explorer", urlTx: "https://livenet.xrpl.org/transactions/",
                                                 urlAccount: "https://livenet.xrpl.org/accounts/")]),
        "TESTNET": NetworkRail(chainID: 1, color: "#FF6719", name: "XRP Ledger Testnet", isLivenet: false, nativeAsset: "xrp",
                               endpoints: [.init(name: "Ripple Testnet", url: "wss://s.altnet.rippletest.net:51233")],
                               explorers: [.init(name: "XRPL Explorer (testnet)", urlTx: "https://testnet.xrpl.org/transactions/",
                                                 urlAccount: "https://testnet.xrpl.org/accounts/")]),
    ]

    /// `GET /curated-assets`: two well-known issuers.
    func curatedAssets() -> CuratedAssets {
        let bitstamp = "rvYAfWj5gh67oV6fW32ZzP3Aw4Eubs59B", gatehub = "rhub8VRN55s94qWKDv6jmDy1pUykJzF3wq"
        let icon = { (name: String) in "\(self.origin)/assets/icons/\(name).png" }
        return CuratedAssets(
            issuers: ["Bitstamp", "GateHub"], currencies: ["USD", "BTC", "EUR"],
            details: [
                "Bitstamp": .init(id: 185, name: "Bitstamp", domain: "bitstamp.net", avatar: icon("bitstamp"), currencies: [
                    "USD": .init(id: 178, issuerID: 185, issuer: bitstamp, currency: "USD", name: "US Dollar", avatar: icon("usd")),
                    "BTC": .init(id: 492, issuerID: 185, issuer: bitstamp, currency: "BTC", name: "Bitcoin", avatar: icon("btc")),
                ]),
                "GateHub": .init(id: 186, name: "GateHub", domain: "gatehub.net", avatar: icon("gatehub"), currencies: [
                    "EUR": .init(id: 179, issuerID: 186, issuer: gatehub, currency: "EUR", name: "Euro", avatar: icon("eur")),
                ]),
            ])
    }
}
