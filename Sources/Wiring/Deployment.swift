import Domain
import Foundation
import Runtime
import Store
import WebhookInbox
import XRPLTx
import XummPlatform
import XummSimulator

/// Which platform and store this process works with, and the local servers beside them: the
/// wiring that turns a configuration into the one ``Services`` value the Runtime is handed.
public final class Deployment: Sendable {
    /// `SIMULATOR host:port` or the API host, for the header.
    public let label: String
    public let services: Services
    public let client: XummClient
    public let simulator: XummSimulator?
    public let inbox: WebhookInbox?

    init(label: String, services: Services, client: XummClient, simulator: XummSimulator?, inbox: WebhookInbox?) {
        self.label = label; self.services = services; self.client = client; self.simulator = simulator; self.inbox = inbox
    }

    public var isSimulator: Bool { simulator != nil }

    /// Stops the inbox and the simulator.
    public func shutdown() async {
        await inbox?.stop()
        await simulator?.stop()
    }

    /// Embedded mode: a simulator and a webhook inbox on free loopback ports, the demo cast imported
    /// into a separate demo store (a fresh temporary file unless `store` says otherwise: a path or a
    /// PostgreSQL URL, see ``StoreLocation``).
    public static func embedded(store location: String?, usersFile: URL? = nil, timeScale: Double = 1,
                                operatorName: String = StoreFactory.operatorName(flag: nil, config: PushDeskConfig()),
                                templates: URL? = TemplateLibrary.runtimeDirectory) async throws -> Deployment {
        let demoPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("pushdesk-demo-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
            .appendingPathComponent("demo.sqlite").path
        let store = try await (location.map { try StoreLocation.parse($0) } ?? .sqlite(path: demoPath)).open()
        let credentials = XummCredentials(apiKey: UUID().uuidString.lowercased(), apiSecret: UUID().uuidString.lowercased())
        let simulator = try XummSimulator(config: SimulatorConfig(apiKey: credentials.apiKey, apiSecret: credentials.apiSecret,
                                                                  usersFile: usersFile, timeScale: timeScale, xappEnabled: true))
        try await simulator.start()
        let relay = MessageRelay()
        let inbox = WebhookInbox(config: WebhookInboxConfig(apiSecret: credentials.apiSecret), store: store) { event in
            relay.inboxDelivered(recordedCount: event.recordedCount, userToken: event.userToken, store: store)
        }
        try await inbox.start()
        await simulator.setWebhookURL(inbox.url)
        // The demo store starts with the cast, as if the operator had imported a user list.
        let now = Date()
        let cast = await simulator.users().compactMap { u -> KnownUser? in
            guard let token = u.userToken else { return nil }
            return KnownUser(userToken: token, name: u.name, account: u.account,
                             tokenIssued: u.tokenIssued.map { Date(timeIntervalSince1970: TimeInterval($0)) },
                             tokenExpiration: u.tokenExpiration.map { Date(timeIntervalSince1970: TimeInterval($0)) },
                             lastSigned: u.lastSigned.map { Date(timeIntervalSince1970: TimeInterval($0)) },
                             source: .import)
        }
        _ = try await store.upsertUsers(cast, at: now)
        let client = XummClient(baseURL: simulator.apiBaseURL, credentials: credentials, timeout: .seconds(10),
                                onRequest: { relay.requestLogged($0) })
        let services = Services(platform: client, store: store, operatorName: operatorName, pacer: CreatePacer(perMinute: nil),
                                templates: { try TemplateLibrary.library(adding: templates) },
                                inbox: InboxStatus(address: hostPort(inbox.url), deliveries: { inbox.recordedCount }), events: relay)
        // The simulator's address is in the badge: its control API (`/_sim/`) drives demos.
        return Deployment(label: "SIMULATOR \(hostPort(simulator.baseURL))", services: services, client: client,
                          simulator: simulator, inbox: inbox)
    }

    /// Live mode: the configured platform, the operator's store and (when a port is configured) the inbox.
    /// `store` is the `--store` flag's value (else `PUSHDESK_STORE`, the config, the default file).
    public static func live(config: PushDeskConfig, credentials: XummCredentials, apiBase: String, store flag: String?,
                            serveInbox: Bool, operatorName: String? = nil,
                            templates: URL? = TemplateLibrary.runtimeDirectory) async throws -> Deployment {
        let store = try await StoreFactory.open(flag: flag, config: config)
        let operatorName = operatorName ?? StoreFactory.operatorName(flag: nil, config: config)
        let relay = MessageRelay()
        var inbox: WebhookInbox?
        if serveInbox, let port = config.webhookPort {
            let i = WebhookInbox(config: WebhookInboxConfig(host: config.webhookHost ?? "127.0.0.1", port: port,
                                                            path: config.webhookPath ?? "/webhooks/xumm", apiSecret: credentials.apiSecret),
                                 store: store) { event in
                relay.inboxDelivered(recordedCount: event.recordedCount, userToken: event.userToken, store: store)
            }
            try await i.start()
            inbox = i
        }
        let client = XummClient(baseURL: apiBase, credentials: credentials, timeout: .seconds(10), onRequest: { relay.requestLogged($0) })
        let status = inbox.map { i in InboxStatus(address: hostPort(i.url), deliveries: { i.recordedCount }) }
        let services = Services(platform: client, store: store, operatorName: operatorName, pacer: CreatePacer(perMinute: 30),
                                templates: { try TemplateLibrary.library(adding: templates) }, inbox: status, events: relay)
        return Deployment(label: URLComponents(string: apiBase)?.host ?? apiBase, services: services, client: client,
                          simulator: nil, inbox: inbox)
    }

    /// `host:port` of a URL, for the header.
    static func hostPort(_ url: String) -> String {
        URLComponents(string: url).map { "\($0.host ?? "?"):\($0.port ?? 0)" } ?? url
    }
}
