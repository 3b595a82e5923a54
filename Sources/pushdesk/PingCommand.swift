import ArgumentParser
import Foundation
import XummPlatform

/// `pushdesk ping`: checks the credentials and prints the application and rate-limit figures.
struct PingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ping", abstract: "Check credentials against the platform.")

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let config = try connection.loadConfig()
        guard let credentials = config.credentials else {
            fail("no credentials: set XUMM_APIKEY and XUMM_APISECRET (or api_key/api_secret in \(connection.configPath ?? "the config file"))")
        }
        let client = XummClient(baseURL: connection.resolvedBase(config), credentials: credentials, timeout: .seconds(10))
        do {
            let pong = try await client.ping()
            let rl = client.rateLimit
            print("application: \(pong.auth.application.name) (\(pong.auth.application.uuidv4))")
            if let hook = pong.auth.application.webhookurl { print("webhook url: \(hook)") }
            print("rate limit:  \(rl.remaining.map(String.init) ?? "?") of \(rl.limit.map(String.init) ?? "?") remaining")
            print("platform:    \(client.baseURL)")
        } catch let e as XummError {
            fail(e.description)
        }
    }
}
