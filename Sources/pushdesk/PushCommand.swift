import ArgumentParser
import ConsoleCore
import Domain
import Foundation
import Runtime
import Wiring
import Store
import XRPLTx
import XummPlatform

/// `pushdesk push`: the console's push, headless. Exit codes: 0 signed (or pushed without --wait),
/// 3 rejected, 4 expired or cancelled, 5 not pushed (deep link printed), 1 any error.
struct PushCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push", abstract: "Push a sign request to a user and optionally wait for the result.")

    @Option(help: "Who to push to: a known user's name or account, or a user token.") var to: String
    @Option(help: "txjson file, or - for standard input.") var tx: String?
    @Option(help: "Template name instead of --tx (see `pushdesk tx templates`).") var template: String?
    @Option(name: .customLong("set"), help: "Fill a template field: KEY=VALUE (repeatable; KEY may be dotted, e.g. Amount.value).")
    var assignments: [String] = []
    @Option(help: "Minutes until the payload expires.") var expire: Int?
    @Option(help: "Instruction shown to the user (≤ 280 characters).") var instruction: String?
    @OptionGroup var store: StoreOptions
    @Flag(help: "Wait until the payload is signed, rejected, expired or cancelled.") var wait = false
    @Flag(help: "One JSON object per line: created, each status event, final.") var json = false
    @Flag(name: .customLong("no-color"), help: "Print the QR code without colours (also when NO_COLOR is set).") var noColor = false
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let config = try connection.loadConfig()
        guard let credentials = config.credentials else {
            fail("no credentials: set XUMM_APIKEY and XUMM_APISECRET (for the simulator: the key/secret `pushdesk simulator` prints)")
        }
        let txjson = try readTransaction()
        let store: any PushDeskStore
        do { store = try await self.store.open(config) }
        catch { fail("cannot open the store: \(error)") }
        let client = XummClient(baseURL: connection.resolvedBase(config), credentials: credentials)
        let service = PushService(client: client, store: store, operatorName: self.store.operatorName(config))
        let (token, name) = await Self.recipient(to, in: store)
        let output = PushOutput(json: json, color: PushOutput.wantsColor(noColorFlag: noColor))

        let record: PayloadRecord
        do {
            record = try await service.create(PushRequestSpec(transaction: txjson, userToken: token, userName: name,
                                                              expireMinutes: expire, instruction: instruction))
        } catch {
            fail(Failure(error).operatorText)
        }
        output.created(record)
        if record.pushed == false {
            output.notPushed(record)
            throw ExitCode(5)
        }
        guard wait else { return }
        try await Self.followToEnd(record, service: service, output: output)
    }

    /// The transaction, parsed and validated once: the push sends exactly this.
    private func readTransaction() throws -> ComposedTransaction {
        var text: String
        switch (tx, template) {
        case (let file?, nil):
            do {
                text = file == "-" ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
                                   : try String(contentsOfFile: file, encoding: .utf8)
            } catch { fail("cannot read \(file): \((error as NSError).localizedDescription)") }
        case (nil, let name?):
            let templates = try loadTemplates()
            guard let t = templates.first(where: { $0.name.lowercased() == name.lowercased() }) else {
                fail("no template named \(name); have: \(templates.map(\.name).joined(separator: ", "))")
            }
            text = t.txjsonText
        default:
            throw ValidationError("give exactly one of --tx FILE and --template NAME")
        }
        if !assignments.isEmpty {
            do { text = try TemplateFill.apply(assignments, to: text) } catch { fail("--set: \(error)") }
        }
        let composed = ComposedTransaction(text: text)
        if !composed.isSendable {
            FileHandle.standardError.write(Data(TxCheckReport(text: text).textOutput(fileName: tx ?? template ?? "txjson").utf8))
            fail("the transaction is invalid; nothing was sent")
        }
        return composed
    }

    /// A known user by name, account or token; otherwise a raw token not yet in the store.
    static func recipient(_ to: String, in store: any PushDeskStore) async -> (token: String, name: String?) {
        if let u = try? await store.findUser(nameOrAccountOrToken: to) { return (u.userToken, u.name) }
        let isToken = to.range(of: #"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"#, options: .regularExpression) != nil
        guard isToken else { fail("no known user named \(to) (give a name, an account or a user token)") }
        return (to, nil)
    }

    /// Prints every new event, then the final line, and exits with the outcome's code.
    static func followToEnd(_ record: PayloadRecord, service: PushService, output: PushOutput) async throws {
        let printed = Locked(record.events.count)
        let final = await service.follow(record) { change in
            guard let updated = change.record else { return }
            let from = printed.withLock { n in let old = n; n = updated.events.count; return old }
            for e in updated.events[from...] { output.event(e, uuid: updated.uuid) }
        }
        // A signed MAINNET transaction: what it did on the ledger (balance changes, delivered amount).
        var outcome: TransactionOutcome?
        if final.result?.outcome == .signed, let txid = final.result?.txid, (final.result?.network ?? "MAINNET") == "MAINNET" {
            outcome = try? await TransactionOutcomeFetcher(client: service.client).outcome(txid: txid)
        }
        output.final(final, outcome: outcome)
        switch final.result?.outcome {
        case .signed?: return
        case .rejected?: throw ExitCode(3)
        case .expired?, .cancelled?: throw ExitCode(4)
        case nil: fail("the payload did not reach a final state")
        }
    }
}
