/// The webhook URL this configuration serves: where the platform should post.
public struct InboxFacts: Sendable, Equatable {
    /// Where ``url`` comes from.
    public enum Source: Sendable, Equatable {
        /// The embedded inbox beside the embedded simulator.
        case embedded
        /// `[webhook] public_url` (TLS or a proxy in front of the inbox).
        case publicURL
        /// `[webhook] host`/`port`/`path`: the address the inbox binds.
        case bindAddress
        /// No inbox configured (`[webhook] port` unset).
        case none
    }

    /// The URL the application's webhook URL should be; `nil` when no inbox is configured.
    public var url: String?
    /// Where ``url`` comes from.
    public var source: Source

    public init(url: String?, source: Source) { self.url = url; self.source = source }

    /// What a live configuration serves: the public URL, else the bound address, else nothing.
    public init(config: PushDeskConfig) {
        if let pub = config.webhookPublicURL, !pub.isEmpty {
            self.init(url: pub, source: .publicURL)
        } else if let port = config.webhookPort {
            let host = config.webhookHost ?? "127.0.0.1"
            var path = config.webhookPath ?? "/webhooks/xumm"
            if !path.hasPrefix("/") { path = "/" + path }
            self.init(url: "http://\(host.contains(":") ? "[\(host)]" : host):\(port)\(path)", source: .bindAddress)
        } else {
            self.init(url: nil, source: .none)
        }
    }
}
