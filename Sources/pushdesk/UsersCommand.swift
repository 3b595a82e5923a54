import ArgumentParser
import Domain
import Foundation
import Runtime
import Store
import XummPlatform

/// `pushdesk users …`: the known-users store.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Known wallet users and their push tokens.",
        subcommands: [List.self, Add.self, Import.self, Export.self, Forget.self, Verify.self],
        defaultSubcommand: List.self)

    /// `users list [--json] [--expiring]`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users, least time left first.")
        @OptionGroup var store: StoreOptions
        @Flag(help: "JSON array (user_token, account, name, token_issued, token_expiration, last_signed, state, ...).")
        var json = false
        @Flag(help: "Only tokens expiring soon (inside the window).")
        var expiring = false
        @Option(help: "\"Expiring soon\" window in days.")
        var window: Double = 7

        func run() async throws {
            let now = Date()
            let windowSeconds = window * 86_400
            var users = try await store.open().allUsers().sortedByTimeLeft(now: now)
            if expiring {
                users = users.filter { TokenAge(user: $0, now: now, expiringWindow: windowSeconds).state == .expiring }
            }
            if json {
                print(String(decoding: try ExportedUser.json(users, now: now, expiringWindow: windowSeconds), as: UTF8.self))
                return
            }
            print(UserTable.render(users, now: now, expiringWindow: windowSeconds))
        }
    }

    /// `users add TOKEN [--name] [--account] [dates]`.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user by token, or fill in fields of a known one.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The user token.") var token: String
        @Option(help: "Display name.") var name: String?
        @Option(help: "XRPL classic account (r...).") var account: String?
        @Option(help: "Token issue time (ISO 8601 or unix seconds).") var issued: String?
        @Option(help: "Token expiration (ISO 8601 or unix seconds).") var expires: String?
        @Option(help: "Last signed payload time (ISO 8601 or unix seconds).") var lastSigned: String?

        func run() async throws {
            let trimmed = token.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.contains(where: \.isWhitespace) else { throw CLIError("malformed token") }
            let user = KnownUser(userToken: trimmed, name: name, account: account, tokenIssued: try issued.map(CLIDate.parse),
                                 tokenExpiration: try expires.map(CLIDate.parse), lastSigned: try lastSigned.map(CLIDate.parse),
                                 source: .manual)
            let db = try await store.open()
            let now = Date()
            let outcome = try await db.upsertUser(user, at: now)
            try await db.audit(action: "users.add", actor: store.operatorName(), detail: "\(trimmed) \(outcome.rawValue)", at: now, userToken: trimmed)
            print("\(Shorten.middle(trimmed, keep: 4)): \(outcome.rawValue)")
        }
    }

    /// `users import FILE`.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import users from a JSON or CSV file (one transaction).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "JSON (array or {\"users\":[...]}) or CSV with a header row.") var file: String

        func run() async throws {
            let db = try await store.open()
            let now = Date()
            let report: ImportReport
            do { report = try await db.importUsers(from: URL(fileURLWithPath: file), at: now) } catch { throw CLIError("\(error)") }
            try await db.audit(action: "users.import", actor: store.operatorName(), detail: "\(file): \(report)", at: now)
            print("imported \(file): \(report)")
            for line in report.skipped { print("  skipped \(line)") }
        }
    }

    /// `users export FILE`.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Export users to a JSON or CSV file (`-` for standard output).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Destination (.json or .csv), or - for standard output.") var file: String
        @Option(help: "json or csv (default: from the extension; json for -).") var format: String?

        func run() async throws {
            let db = try await store.open()
            let now = Date()
            let chosen: UserFileFormat?
            if let format { chosen = UserFileFormat(rawValue: format.lowercased()); if chosen == nil { throw CLIError("unknown format \(format)") } }
            else { chosen = file == "-" ? .json : UserFileFormat(path: file) }
            guard let chosen else { throw CLIError("cannot tell the format of \(file); pass --format json|csv") }
            if file == "-" {
                let data = try UserFileWriter.render(try await db.allUsers().sortedByTimeLeft(now: now), format: chosen, now: now)
                FileHandle.standardOutput.write(data)
                return
            }
            let n = try await db.exportUsers(to: URL(fileURLWithPath: file), format: chosen, now: now)
            try await db.audit(action: "users.export", actor: store.operatorName(), detail: "\(n) users to \(file)", at: now)
            print("exported \(n) users to \(file)")
        }
    }

    /// `users forget TOKEN`.
    struct Forget: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a user (payload history stays, without the token).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Token, account, or name of the user.") var user: String

        func run() async throws {
            let db = try await store.open()
            guard let found = try await db.findUser(nameOrAccountOrToken: user) else { throw CLIError("no user matches \(user)") }
            let now = Date()
            try await db.forgetUser(token: found.userToken)
            try await db.audit(action: "users.forget", actor: store.operatorName(), detail: found.userToken, at: now, userToken: found.userToken)
            print("forgot \(found.displayName) (\(Shorten.middle(found.userToken, keep: 4)))")
        }
    }

    /// `users verify`: `POST /user-tokens` in batches.
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Ask the platform which tokens are still active (credentials from XUMM_APIKEY / XUMM_APISECRET).")
        @OptionGroup var store: StoreOptions
        @Option(help: "Platform API base URL.") var apiBase: String = XummClient.defaultBaseURL
        @Option(help: "Tokens per request.") var batchSize: Int = 50

        func run() async throws {
            let credentials = try EnvironmentCredentials.credentials()
            let db = try await store.open()
            let client = XummClient(baseURL: apiBase, credentials: credentials)
            let tokens = try await db.allUsers().map(\.userToken)
            var active = 0, inactive = 0, answered = 0
            for start in stride(from: 0, to: tokens.count, by: max(1, batchSize)) {
                let batch = Array(tokens[start..<min(tokens.count, start + max(1, batchSize))])
                let statuses: [UserTokenStatus]
                do { statuses = try await client.verifyUserTokens(batch) } catch { throw CLIError("verification failed after \(answered) tokens: \(error)") }
                try await db.applyVerification(statuses.map(TokenCheck.init), at: Date())
                answered += statuses.count
                active += statuses.filter(\.active).count
                inactive += statuses.filter { !$0.active }.count
            }
            let summary = "\(tokens.count) tokens: \(active) active, \(inactive) inactive, \(tokens.count - answered) not answered"
            try await db.audit(action: "users.verify", actor: store.operatorName(), detail: summary, at: Date())
            print(summary)
        }
    }
}

/// Plain-text table for `users list`.
enum UserTable {
    static func render(_ users: [KnownUser], now: Date, expiringWindow: TimeInterval) -> String {
        var rows = [["NAME", "ACCOUNT", "TOKEN", "STATE", "LEFT", "LAST SIGNED", "SOURCE", "PUSHES"]]
        for u in users {
            let age = TokenAge(user: u, now: now, expiringWindow: expiringWindow)
            rows.append([u.displayName, u.account.map { Shorten.middle($0, keep: 6) } ?? "-", Shorten.middle(u.userToken, keep: 4),
                         age.state.rawValue, age.timeLeft.map(Shorten.duration) ?? "-",
                         u.lastSigned.map { Shorten.duration(now.timeIntervalSince($0)) + " ago" } ?? "-",
                         u.source.rawValue, String(u.pushCount)])
        }
        return TextTable.render(rows) + "\n\(users.count) user\(users.count == 1 ? "" : "s")"
    }
}
