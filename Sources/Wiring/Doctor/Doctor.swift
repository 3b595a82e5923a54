import Foundation
import Store
import XummPlatform

/// `pushdesk doctor`'s thin, impure part: gathers ``DoctorFacts`` (the config file, a real ping over
/// HTTP, the store read-only, the terminal), then lets ``DoctorReport`` judge them.
public enum Doctor {
    /// Gathers and judges. Nothing printed can carry the API secret or a store password: they are
    /// scrubbed from the report as a last guard.
    public static func examine(_ options: DoctorOptions) async -> DoctorReport {
        let env = options.environment
        let (config, configFacts) = loadConfig(options)
        var secrets = [config.apiSecret, env["XUMM_APISECRET"]].compactMap { $0 }
        let storeValue = options.store ?? config.storePath
        secrets += storeValue.map(StoreRedaction.passwords(in:)) ?? []
        let terminal = options.terminal ?? TerminalFacts.current(environment: env)
        let embedded = options.forceSimulator || (config.credentials == nil && options.apiBase == nil)

        let facts: DoctorFacts
        if embedded {
            facts = await examineEmbedded(storeValue: options.store, config: configFacts, terminal: terminal)
        } else {
            let base = options.apiBase ?? config.apiBase ?? XummClient.defaultBaseURL
            let fromEnvironment = ["XUMM_APIKEY", "XUMM_APISECRET"].contains { !(env[$0] ?? "").isEmpty }
            let source: PlatformFacts.CredentialSource = config.credentials == nil ? .none : fromEnvironment ? .environment : .configFile
            var platform = PlatformFacts(target: .live, baseURL: base, credentialSource: source, answer: .noCredentials, clock: nil)
            if let credentials = config.credentials {
                let client = XummClient(baseURL: base, credentials: credentials, timeout: .seconds(5))
                platform.answer = await ping(client)
                platform.clock = client.serverClock
            }
            let store = await StoreProbes.probe(for: storeValue ?? SQLiteStore.defaultPath(environment: env)).inspect()
            facts = DoctorFacts(platform: platform, inbox: InboxFacts(config: config), store: store, config: configFacts, terminal: terminal)
        }
        return DoctorReport(facts: facts).redacting(secrets)
    }

    /// The embedded simulator and inbox, started as the console starts them (on a throwaway demo store),
    /// pinged through the same client; `--store`, when given, is only looked at.
    static func examineEmbedded(storeValue: String?, config: ConfigFileFacts, terminal: TerminalFacts) async -> DoctorFacts {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pushdesk-doctor-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        let demoPath = folder.appendingPathComponent("demo.sqlite").path
        var platform = PlatformFacts(target: .embeddedSimulator, baseURL: "embedded simulator", credentialSource: .none,
                                     answer: .failed(description: "the embedded simulator did not start"), clock: nil)
        var inbox = InboxFacts(url: nil, source: .embedded)
        do {
            let deployment = try await Deployment.embedded(store: demoPath)
            platform.baseURL = deployment.client.baseURL
            platform.answer = await ping(deployment.client)
            platform.clock = deployment.client.serverClock
            inbox.url = deployment.inbox?.url
            await deployment.shutdown()
        } catch {
            platform.answer = .failed(description: "the embedded simulator did not start: \(error)")
        }
        let store = await StoreProbes.probe(for: storeValue ?? demoPath).inspect()
        return DoctorFacts(platform: platform, inbox: inbox, store: store, storeIsDemo: storeValue == nil, config: config, terminal: terminal)
    }

    /// `GET /ping`, as a fact.
    static func ping(_ client: XummClient) async -> PlatformFacts.Answer {
        do {
            let pong = try await client.ping()
            return .pong(applicationName: pong.auth.application.name, webhookURL: pong.auth.application.webhookurl)
        } catch let error as XummError {
            switch error {
            case .credentialsRefused(let reference): return .credentialsRefused(reference: reference)
            case .transport(let reason): return .unreachable(reason: reason)
            default: return .failed(description: error.description)
            }
        } catch {
            return .failed(description: "\(error)")
        }
    }

    /// The config file's facts, and the config to go on with: read even when others can read it (that is
    /// reported, not refused); on a malformed file, the environment alone.
    static func loadConfig(_ options: DoctorOptions) -> (PushDeskConfig, ConfigFileFacts) {
        let env = options.environment
        let path = options.configPath.map { ($0 as NSString).expandingTildeInPath } ?? PushDeskConfig.defaultPath(environment: env)
        var facts = ConfigFileFacts(path: path, explicit: options.configPath != nil, exists: FileManager.default.fileExists(atPath: path))
        if facts.exists { facts.mode = try? PushDeskConfig.fileMode(path) }
        do {
            return (try PushDeskConfig.load(path: path, environment: env, refusingReadableByOthers: false), facts)
        } catch {
            if case .malformed(_, let line, let reason)? = error as? PushDeskConfig.LoadError {
                facts.problem = "line \(line): \(reason)"
            } else {
                facts.problem = (error as NSError).localizedDescription
            }
            return (PushDeskConfig().overlaying(environment: env), facts)
        }
    }
}
