import ArgumentParser
import Domain
import Foundation
import Store

/// `pushdesk payloads …`: the payloads in the store (every operator's, on a shared store).
struct PayloadsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payloads", abstract: "Payloads in the store: who pushed what to whom, and how it ended.",
        subcommands: [List.self], defaultSubcommand: List.self)

    /// `payloads list [--json] [--live] [--limit N]`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List payloads, newest first; --live keeps printing each payload again whenever it changes (any operator's).")
        @OptionGroup var store: StoreOptions
        @Flag(help: "JSON (uuid, user, user_token, tx_type, state, outcome, txid, operator, created_at, identifier): an array, or with --live one object per line.")
        var json = false
        @Flag(help: "After the list, follow the store's change feed and print every payload created or changed, until interrupted.")
        var live = false
        @Option(help: "How many payloads to list.") var limit: Int = 50

        func run() async throws {
            let db = try await store.open()
            // The feed's number before the list is read: nothing that changes after it is missed.
            let start = live ? try await db.latestChangeNumber() : 0
            let payloads = try await db.payloads(limit: limit)
            let names = try await Self.userNames(db, tokens: payloads.compactMap(\.userToken))
            let listed = payloads.map { ListedPayload($0, userName: $0.userToken.flatMap { names[$0] }) }
            if json && live {
                for p in listed.reversed() { Self.emit(try ListingJSON.line(p)) }
            } else if json {
                Self.emit(try ListingJSON.pretty(listed))
            } else {
                Self.emit(Self.table(listed.reversed()))
            }
            guard live else { return }
            for await batch in db.changeFeed(after: start) {
                var seen = Set<String>()
                for case .payload(let uuid) in batch.map(\.change) where seen.insert(uuid).inserted {
                    guard let p = try? await db.payload(uuid: uuid) else { continue }
                    let name = try? await p.userToken.asyncFlatMap { try await db.user(token: $0)?.name }
                    let row = ListedPayload(p, userName: name ?? nil)
                    Self.emit(json ? try ListingJSON.line(row) : Self.line(row))
                }
            }
        }

        /// Writes a line to standard output at once (unbuffered: a reader of `--live` sees it now).
        static func emit(_ text: String) { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }

        /// Display names of the known users among `tokens`.
        static func userNames(_ db: any PushDeskStore, tokens: [String]) async throws -> [String: String] {
            var names: [String: String] = [:]
            for token in Set(tokens) { if let name = try await db.user(token: token)?.name { names[token] = name } }
            return names
        }

        static let header = ["CREATED", "UUID", "USER", "TYPE", "STATE", "TXID", "OPERATOR"]

        static func cells(_ p: ListedPayload) -> [String] {
            [p.createdAt, p.uuid, p.user ?? p.userToken.map { Shorten.middle($0, keep: 4) } ?? "-", p.txType, p.state,
             p.txid.map { Shorten.middle($0, keep: 6) } ?? "-", p.operatorName ?? "-"]
        }

        static func table(_ payloads: some Collection<ListedPayload>) -> String {
            TextTable.render([header] + payloads.map(cells)) + "\n\(payloads.count) payload\(payloads.count == 1 ? "" : "s")"
        }

        /// One payload as a line of `--live` text output.
        static func line(_ p: ListedPayload) -> String { cells(p).joined(separator: "  ") }
    }
}

extension Optional {
    /// `flatMap` with an async transform.
    func asyncFlatMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
