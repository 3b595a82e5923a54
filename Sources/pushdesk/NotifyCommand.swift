import ArgumentParser
import ConsoleCore
import Domain
import Foundation
import Runtime
import Store
import XummPlatform

/// `pushdesk notify`: an xApp push (or event) to one user, without a sign request.
/// Exit codes: 0 pushed, 5 not pushed (token expired or revoked), 1 any error.
struct NotifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify", abstract: "Notify a user through the application's xApp (no sign request).")

    @Option(help: "Who to notify: a known user's name or account, or a user token.") var to: String
    @Option(help: "The notification's text.") var body: String
    @Option(help: "A line above the text.") var subtitle: String?
    @Option(help: "JSON handed to the xApp when the user opens it.") var data: String?
    @Flag(help: "Send an xApp event: it also stays in the user's event list (and has a uuid).") var event = false
    @Flag(help: "With --event: no sound or banner.") var silent = false
    @Flag(help: "Print {\"pushed\":...,\"uuid\":...}.") var json = false
    @OptionGroup var store: StoreOptions
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let config = try connection.loadConfig()
        guard let credentials = config.credentials else {
            fail("no credentials: set XUMM_APIKEY and XUMM_APISECRET (for the simulator: the key/secret `pushdesk simulator` prints)")
        }
        if silent && !event { throw ValidationError("--silent applies to --event only") }
        let db: any PushDeskStore
        do { db = try await store.open(config) } catch { fail("cannot open the store: \(error)") }
        let recipient = await PushCommand.recipient(to, in: db)
        let client = XummClient(baseURL: connection.resolvedBase(config), credentials: credentials)
        let service = NotifyService(client: client, store: db, operatorName: store.operatorName(config))
        let result: XAppPushResult
        do {
            result = try await service.send(XAppNotice(userToken: recipient.token, userName: recipient.name, body: body, subtitle: subtitle,
                                                       dataJSON: data, asEvent: event, silent: silent))
        } catch {
            fail(Failure(error).operatorText)
        }
        let who = recipient.name ?? Shorten.middle(recipient.token, keep: 4)
        if json {
            var object: [String: Any] = ["pushed": result.pushed]
            object["uuid"] = result.uuid ?? NSNull()
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } else if result.pushed {
            print("pushed to \(who)\(result.uuid.map { " (event \($0))" } ?? "")")
        } else {
            print("not pushed — \(who)'s token is expired or revoked; a sign request would reach them by deep link or QR only")
        }
        if !result.pushed { throw ExitCode(5) }
    }
}
