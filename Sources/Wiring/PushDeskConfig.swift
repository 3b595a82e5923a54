import Foundation
import XummPlatform

/// Where PushDesk's settings come from: environment first (`XUMM_APIKEY` / `XUMM_APISECRET`, the names
/// the public SDKs use), then `$XDG_CONFIG_HOME/pushdesk/config.toml` (refused when group/other can read it).
public struct PushDeskConfig: Sendable, Equatable {
    public var apiKey: String?
    public var apiSecret: String?
    public var apiBase: String?
    public var webhookHost: String?
    public var webhookPort: Int?
    public var webhookPath: String?
    /// The URL the platform posts webhooks to when that is not the bound address (TLS or a proxy in
    /// front of the inbox): `[webhook] public_url`. `pushdesk doctor` compares it with the application's.
    public var webhookPublicURL: String?
    /// `store = "..."`: a SQLite file path or a PostgreSQL URL (see `StoreLocation`). Holds the
    /// store password when the URL has one: never print it (use `StoreLocation.description`).
    public var storePath: String?
    /// `operator = "..."`: the name recorded with every payload and audit entry.
    public var operatorName: String?

    public init() {}

    /// Credentials when both halves are set.
    public var credentials: XummCredentials? {
        guard let k = apiKey, !k.isEmpty, let s = apiSecret, !s.isEmpty else { return nil }
        return XummCredentials(apiKey: k, apiSecret: s)
    }

    public enum LoadError: Error, CustomStringConvertible, Equatable {
        case readableByOthers(path: String, mode: String)
        case malformed(path: String, line: Int, reason: String)
        public var description: String {
            switch self {
            case .readableByOthers(let p, let m):
                return "refusing \(p): it holds the API secret but is readable by group/other (mode \(m)); run: chmod 600 \(p)"
            case .malformed(let p, let l, let r): return "\(p):\(l): \(r)"
            }
        }
    }

    /// Default config file location.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.config")
        return base + "/pushdesk/config.toml"
    }

    /// Loads the config file (if present), then overlays the environment.
    /// - Parameter refusingReadableByOthers: throw ``LoadError/readableByOthers(path:mode:)`` for a file
    ///   group or others can read (always, except for `pushdesk doctor`, which reports it and reads on).
    public static func load(path: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
                            refusingReadableByOthers: Bool = true) throws -> PushDeskConfig {
        var config = PushDeskConfig()
        let file = path ?? defaultPath(environment: environment)
        if FileManager.default.fileExists(atPath: file) {
            let mode = try fileMode(file)
            if refusingReadableByOthers, mode & 0o077 != 0 { throw LoadError.readableByOthers(path: file, mode: String(mode, radix: 8)) }
            config = try parse(String(contentsOfFile: file, encoding: .utf8), path: file)
        }
        return config.overlaying(environment: environment)
    }

    /// This config with `XUMM_APIKEY`, `XUMM_APISECRET` and `XUMM_API_BASE` put over it (when set).
    public func overlaying(environment: [String: String]) -> PushDeskConfig {
        var config = self
        if let v = environment["XUMM_APIKEY"], !v.isEmpty { config.apiKey = v }
        if let v = environment["XUMM_APISECRET"], !v.isEmpty { config.apiSecret = v }
        if let v = environment["XUMM_API_BASE"], !v.isEmpty { config.apiBase = v }
        if let v = environment["PUSHDESK_OPERATOR"], !v.isEmpty { config.operatorName = v }
        return config
    }

    /// The permission bits of `path` (`0o600`).
    public static func fileMode(_ path: String) throws -> Int {
        let attrs = try FileManager.default.attributesOfItem(atPath: path)
        return (attrs[.posixPermissions] as? NSNumber)?.intValue ?? 0
    }

    /// A small TOML subset: `key = "string"` / `key = 123`, `#` comments, optional `[xumm]`/`[webhook]` tables
    /// (keys are read as `table.key`).
    static func parse(_ text: String, path: String) throws -> PushDeskConfig {
        var c = PushDeskConfig()
        var table = ""
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else { throw LoadError.malformed(path: path, line: i + 1, reason: "unterminated table header") }
                table = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let eq = line.firstIndex(of: "=") else { throw LoadError.malformed(path: path, line: i + 1, reason: "expected key = value") }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\"") {
                guard let close = value.dropFirst().firstIndex(of: "\"") else {
                    throw LoadError.malformed(path: path, line: i + 1, reason: "unterminated string")
                }
                value = String(value[value.index(after: value.startIndex)..<close])
            } else if let hash = value.firstIndex(of: "#") {
                value = value[..<hash].trimmingCharacters(in: .whitespaces)
            }
            let full = table.isEmpty ? key : "\(table).\(key)"
            switch full {
            case "api_key", "xumm.api_key", "apikey": c.apiKey = value
            case "api_secret", "xumm.api_secret", "apisecret": c.apiSecret = value
            case "api_base", "xumm.api_base": c.apiBase = value
            case "webhook.host", "webhook_host": c.webhookHost = value
            case "webhook.port", "webhook_port":
                guard let p = Int(value) else { throw LoadError.malformed(path: path, line: i + 1, reason: "port must be a number") }
                c.webhookPort = p
            case "webhook.path", "webhook_path": c.webhookPath = value
            case "webhook.public_url", "webhook_public_url": c.webhookPublicURL = value
            case "store", "store_path", "store.url", "store.path": c.storePath = value
            case "operator", "operator_name": c.operatorName = value
            default: continue // unknown keys are ignored, like the platform's bodies
            }
        }
        return c
    }
}
