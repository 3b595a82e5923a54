import Domain
import Foundation
import Store
import WebhookInbox
import XummPlatform
import XummSimulator

/// The platform PushDesk talks to and the local parts around it: the client, the store, the webhook
/// inbox and — in embedded mode — the in-process simulator whose webhooks reach that inbox.
public final class Backend: Sendable {
    /// `SIMULATOR` or the API host, for the header.
    public let label: String
    public let client: XummClient
    public let store: any PushDeskStore
    public let simulator: XummSimulator?
    public let inbox: WebhookInbox?
    /// Receives request-log and inbox events once a console attaches.
    public let relay: MessageRelay

    init(label: String, client: XummClient, store: any PushDeskStore, simulator: XummSimulator?, inbox: WebhookInbox?, relay: MessageRelay) {
        self.label = label; self.client = client; self.store = store; self.simulator = simulator; self.inbox = inbox; self.relay = relay
    }

    public var isSimulator: Bool { simulator != nil }

    /// Stops the inbox and the simulator.
    public func shutdown() async {
        await inbox?.stop()
        await simulator?.stop()
    }

    /// Embedded mode: a simulator and a webhook inbox on free loopback ports, the demo cast imported
    /// into a separate demo store (a fresh temporary file unless `storePath` says otherwise).
    public static func embedded(storePath: String?, usersFile: URL? = nil, timeScale: Double = 1) async throws -> Backend {
        let path = storePath ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("pushdesk-demo-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
            .appendingPathComponent("demo.sqlite").path
        let store = try SQLiteStore(path: path)
        let credentials = XummCredentials(apiKey: UUID().uuidString.lowercased(), apiSecret: UUID().uuidString.lowercased())
        let simulator = try XummSimulator(config: SimulatorConfig(apiKey: credentials.apiKey, apiSecret: credentials.apiSecret,
                                                                  usersFile: usersFile, timeScale: timeScale))
        try await simulator.start()
        let relay = MessageRelay()
        let inbox = WebhookInbox(config: WebhookInboxConfig(apiSecret: credentials.apiSecret), store: store) { event in
            relay.inboxDelivered(event, store: store)
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
        // The simulator's address is in the badge: its control API (`/_sim/`) drives demos.
        let address = URLComponents(string: simulator.baseURL).map { "\($0.host ?? "?"):\($0.port ?? 0)" } ?? simulator.baseURL
        return Backend(label: "SIMULATOR \(address)", client: client, store: store, simulator: simulator, inbox: inbox, relay: relay)
    }

    /// Live mode: the configured platform, the operator's store and (when a port is configured) the inbox.
    public static func live(config: PushDeskConfig, credentials: XummCredentials, apiBase: String, storePath: String?,
                            serveInbox: Bool) async throws -> Backend {
        let store = try SQLiteStore(path: storePath ?? config.storePath ?? SQLiteStore.defaultPath)
        let relay = MessageRelay()
        var inbox: WebhookInbox?
        if serveInbox, let port = config.webhookPort {
            let i = WebhookInbox(config: WebhookInboxConfig(host: config.webhookHost ?? "127.0.0.1", port: port,
                                                            path: config.webhookPath ?? "/webhooks/xumm", apiSecret: credentials.apiSecret),
                                 store: store) { event in relay.inboxDelivered(event, store: store) }
            try await i.start()
            inbox = i
        }
        let client = XummClient(baseURL: apiBase, credentials: credentials, timeout: .seconds(10), onRequest: { relay.requestLogged($0) })
        let host = URLComponents(string: apiBase)?.host ?? apiBase
        return Backend(label: host, client: client, store: store, simulator: nil, inbox: inbox, relay: relay)
    }
}

extension MessageRelay {
    /// A webhook delivery: the inbox counter, and the user whose token it carried (re-read from the store).
    func inboxDelivered(_ event: WebhookDeliveryEvent, store: any PushDeskStore) {
        send(.inboxStatus(address: nil, deliveries: event.recordedCount))
        guard let token = event.userToken else { return }
        Task { if let user = try? await store.user(token: token) { send(.userUpdated(user)) } }
    }
}
