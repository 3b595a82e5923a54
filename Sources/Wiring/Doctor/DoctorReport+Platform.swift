import Foundation

/// The checks that talk about the platform: credentials, the application's webhook URL, clock skew.
extension DoctorReport {
    /// Beyond this the clock earns a warning; beyond ``clockFailSeconds`` the inbox refuses webhooks.
    public static let clockWarnSeconds: TimeInterval = 30
    /// The inbox's timestamp window (`WebhookInboxConfig.timestampWindow`).
    public static let clockFailSeconds: TimeInterval = 300

    static func credentials(_ p: PlatformFacts, config: ConfigFileFacts) -> DoctorCheck {
        let whereToSet = "XUMM_APIKEY and XUMM_APISECRET, or api_key and api_secret under [xumm] in \(config.path) (chmod 600)"
        switch p.answer {
        case .pong(let name, _):
            if p.target == .embeddedSimulator {
                return DoctorCheck("credentials", .pass,
                                   "none configured, so pushdesk uses the embedded simulator: it answered ping as \"\(name)\" (to go live: XUMM_APIKEY/XUMM_APISECRET or [xumm] in the config file)")
            }
            return DoctorCheck("credentials", .pass, "\(p.baseURL) accepted the API key and secret\(sourceNote(p.credentialSource, config)): application \"\(name)\"")
        case .noCredentials:
            return DoctorCheck("credentials", .fail, "no API key and secret to ping \(p.baseURL) with",
                               fix: "set \(whereToSet); or drop --api-base to use the embedded simulator")
        case .credentialsRefused(let reference):
            let ref = reference.map { ", reference \($0)" } ?? ""
            return DoctorCheck("credentials", .fail,
                               "\(p.baseURL) refused the API key or secret\(sourceNote(p.credentialSource, config)) (Xumm error 813: invalid key/secret\(ref))",
                               fix: "copy this application's API key and secret from the Xumm developer console (apps.xumm.dev) into \(whereFrom(p.credentialSource, config)); a lost secret cannot be shown again: regenerate it there")
        case .unreachable(let reason):
            return DoctorCheck("credentials", .fail, "cannot reach the platform at \(p.baseURL): \(reason)",
                               fix: "check the network, proxy and DNS, and the API base (--api-base, XUMM_API_BASE or api_base in \(config.path); default \(defaultAPIBase))")
        case .failed(let description):
            return DoctorCheck("credentials", .fail, "ping to \(p.baseURL) failed: \(description)",
                               fix: "check that the API base is the Xumm platform API (default \(defaultAPIBase)); on a server error, try again later")
        }
    }

    static func webhookURL(_ p: PlatformFacts, inbox: InboxFacts, config: ConfigFileFacts) -> DoctorCheck {
        guard case .pong(_, let reported) = p.answer else {
            return DoctorCheck("webhook_url", .skipped, "not checked: the ping did not succeed")
        }
        let app = reported.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        guard let ours = inbox.url else {
            guard let app else {
                return DoctorCheck("webhook_url", .warn, "the application has no webhook URL and this config serves no inbox: sign-ins by QR never reach the store",
                                   fix: "serve an inbox (port under [webhook] in \(config.path), or `pushdesk webhook serve`) and set the application's webhook URL to it in the Xumm developer console")
            }
            return DoctorCheck("webhook_url", .warn, "the application posts webhooks to \(app); this config serves no inbox (no port under [webhook])",
                               fix: "nothing to do if `pushdesk webhook serve` receives \(app); to serve it here, set port (and public_url = \"\(app)\") under [webhook] in \(config.path)")
        }
        guard let app else {
            return DoctorCheck("webhook_url", .fail, "the application has no webhook URL: no webhook reaches the inbox at \(ours)",
                               fix: "set the application's webhook URL to \(ours) in the Xumm developer console (apps.xumm.dev)")
        }
        if Self.sameURL(app, ours) {
            let via = inbox.source == .embedded ? "the embedded inbox" : inbox.source == .publicURL ? "this config's inbox (public_url)" : "this config's inbox"
            return DoctorCheck("webhook_url", .pass, "the application posts webhooks to \(app), \(via)")
        }
        let fix: String
        switch inbox.source {
        case .publicURL:
            fix = "set the application's webhook URL to \(ours) in the Xumm developer console, or correct public_url under [webhook] in \(config.path)"
        case .bindAddress where Self.isLocal(ours) && !Self.isLocal(p.baseURL):
            fix = "the platform cannot reach \(ours), a local address: publish the inbox (TLS or a proxy), set the application's webhook URL to that public URL in the Xumm developer console and write it as public_url under [webhook] in \(config.path); if \(app) already forwards here, public_url = \"\(app)\" is enough"
        case .bindAddress:
            fix = "set the application's webhook URL to \(ours) in the Xumm developer console; if TLS or a proxy forwards \(app) to this inbox, say so: public_url = \"\(app)\" under [webhook] in \(config.path)"
        case .embedded, .none:
            fix = "set the application's webhook URL to \(ours)"
        }
        return DoctorCheck("webhook_url", .fail, "the application posts webhooks to \(app), but this config's inbox is \(ours)", fix: fix)
    }

    static func clock(_ p: PlatformFacts) -> DoctorCheck {
        guard let reading = p.clock else {
            switch p.answer {
            case .unreachable, .noCredentials:
                return DoctorCheck("clock", .skipped, "not checked: no answer from the platform")
            default:
                return DoctorCheck("clock", .warn, "the platform's answer had no Date header, so the clocks cannot be compared")
            }
        }
        guard let skew = reading.skew else {
            return DoctorCheck("clock", .warn, "the platform's Date header is unreadable (\(reading.header)), so the clocks cannot be compared")
        }
        let seconds = Int(abs(skew).rounded())
        let direction = skew > 0 ? "behind" : "ahead of"
        let fix = "synchronise this machine's clock (`timedatectl set-ntp true`, or chrony/ntpd), then run `pushdesk doctor` again"
        if abs(skew) > clockFailSeconds {
            return DoctorCheck("clock", .fail,
                               "this machine's clock is \(seconds) s \(direction) the platform's (its Date header): the inbox refuses every webhook outside ±\(Int(clockFailSeconds)) s",
                               fix: fix)
        }
        if abs(skew) > clockWarnSeconds {
            return DoctorCheck("clock", .warn,
                               "this machine's clock is \(seconds) s \(direction) the platform's (its Date header); webhooks are refused beyond ±\(Int(clockFailSeconds)) s",
                               fix: fix)
        }
        return DoctorCheck("clock", .pass, "within \(max(1, seconds)) s of the platform's (its Date header); webhooks are accepted within ±\(Int(clockFailSeconds)) s")
    }

    static let defaultAPIBase = "https://xumm.app/api/v1/platform"

    private static func sourceNote(_ source: PlatformFacts.CredentialSource, _ config: ConfigFileFacts) -> String {
        switch source {
        case .environment: " from XUMM_APIKEY/XUMM_APISECRET"
        case .configFile: " from \(config.path)"
        case .none: ""
        }
    }

    private static func whereFrom(_ source: PlatformFacts.CredentialSource, _ config: ConfigFileFacts) -> String {
        switch source {
        case .environment: "XUMM_APIKEY / XUMM_APISECRET"
        case .configFile: "api_key / api_secret under [xumm] in \(config.path)"
        case .none: "XUMM_APIKEY / XUMM_APISECRET or \(config.path)"
        }
    }

    /// A loopback or wildcard host (`127.0.0.1`, `localhost`, `::1`, `0.0.0.0`, `::`): not reachable from elsewhere.
    static func isLocal(_ url: String) -> Bool {
        guard let host = URLComponents(string: url)?.host?.lowercased() else { return false }
        return host == "localhost" || host.hasPrefix("127.") || ["::1", "0.0.0.0", "::", "[::1]", "[::]"].contains(host)
    }

    /// Equal as the platform would use them: scheme and host without case, default ports, a trailing `/`.
    static func sameURL(_ a: String, _ b: String) -> Bool {
        func key(_ s: String) -> String {
            guard let c = URLComponents(string: s.trimmingCharacters(in: .whitespaces)), let scheme = c.scheme?.lowercased(), let host = c.host?.lowercased() else {
                return s.trimmingCharacters(in: .whitespaces)
            }
            let port = c.port ?? (scheme == "https" ? 443 : scheme == "http" ? 80 : -1)
            var path = c.percentEncodedPath
            while path.hasSuffix("/") { path.removeLast() }
            return "\(scheme)://\(host):\(port)\(path)\(c.percentEncodedQuery.map { "?\($0)" } ?? "")"
        }
        return key(a) == key(b)
    }
}
