import ArgumentParser
import Foundation
import Runtime
import Wiring
import Store
import XummPlatform

/// `pushdesk wait UUID`: re-attaches to a payload recorded in the store (e.g. after a crash or a
/// push without --wait) and waits for its final state. Same output and exit codes as `push --wait`.
struct WaitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "wait", abstract: "Wait for a stored payload's final state.")

    @Argument(help: "Payload uuid (from `pushdesk push`).") var uuid: String
    @OptionGroup var store: StoreOptions
    @Flag(help: "One JSON object per line.") var json = false
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let config = try connection.loadConfig()
        guard let credentials = config.credentials else { fail("no credentials: set XUMM_APIKEY and XUMM_APISECRET") }
        let store: any PushDeskStore
        do { store = try await self.store.open(config) }
        catch { fail("cannot open the store: \(error)") }
        guard let record = try await store.payload(uuid: uuid) else { fail("no payload \(uuid) in the store") }
        let client = XummClient(baseURL: connection.resolvedBase(config), credentials: credentials)
        let output = PushOutput(json: json)
        try await PushCommand.followToEnd(record, service: PushService(client: client, store: store, operatorName: self.store.operatorName(config)), output: output)
    }
}
