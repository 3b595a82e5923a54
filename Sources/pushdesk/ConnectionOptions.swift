import ArgumentParser
import Foundation
import Runtime
import Wiring
import XummPlatform

/// Options that choose which platform to talk to.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .customLong("api-base"), help: "Platform API base URL (default https://xumm.app/api/v1/platform, or XUMM_API_BASE).")
    var apiBase: String?

    @Option(name: .customLong("config"), help: "Config file (default $XDG_CONFIG_HOME/pushdesk/config.toml).")
    var configPath: String?

    /// Config from file + environment; a refused or malformed file is a validation error.
    func loadConfig() throws -> PushDeskConfig {
        do { return try PushDeskConfig.load(path: configPath) }
        catch let e as PushDeskConfig.LoadError { throw ValidationError(e.description) }
    }

    /// The base URL to use: flag, then config/env, then xumm.app.
    func resolvedBase(_ config: PushDeskConfig) -> String {
        apiBase ?? config.apiBase ?? XummClient.defaultBaseURL
    }
}

/// Prints an error on stderr and exits 1.
func fail(_ message: String, code: Int32 = 1) -> Never {
    FileHandle.standardError.write(Data("pushdesk: \(message)\n".utf8))
    exit(code)
}
