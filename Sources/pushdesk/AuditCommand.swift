import ArgumentParser
import Domain
import Foundation
import Store

/// `pushdesk audit [--json] [--since DURATION]`: the audit log, newest first.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "The audit log: which operator did what, to which payload and user, newest first.")
    @OptionGroup var store: StoreOptions
    @Flag(help: "JSON array (at, operator, action, uuid, user, user_token, detail).") var json = false
    @Option(help: "Only entries this recent: 90s, 15m, 2h, 7d, 1h30m.") var since: String?
    @Option(help: "How many entries at most.") var limit: Int = 200

    func run() async throws {
        let from = try since.map { Date().addingTimeInterval(-(try CLIDuration.parse($0))) }
        let db = try await store.open()
        let entries = try await db.auditLog(limit: limit, since: from)
        let names = try await PayloadsCommand.List.userNames(db, tokens: entries.compactMap(\.userToken))
        let listed = entries.map { ListedAuditEntry($0, userName: $0.userToken.flatMap { names[$0] }) }
        if json {
            print(try ListingJSON.pretty(listed))
            return
        }
        let rows = listed.map { e in
            [e.at, e.operatorName, e.action, e.uuid ?? "-", e.user ?? e.userToken.map { Shorten.middle($0, keep: 4) } ?? "-", e.detail]
        }
        print(TextTable.render([["AT", "OPERATOR", "ACTION", "UUID", "USER", "DETAIL"]] + rows)
              + "\n\(listed.count) entr\(listed.count == 1 ? "y" : "ies")")
    }
}
