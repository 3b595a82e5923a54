import ConsoleCore
import ConsoleTestSupport
import Domain
import Foundation
import XRPLTx

/// Shared fixed-time fixtures: time only enters through `now`.
enum Fixtures {
    static let now = Date(timeIntervalSince1970: 1_750_000_000)

    static func state(users: Int = 20, width: Int = 120, height: Int = 35, noColor: Bool = false, readOnly: Bool = false,
                      payloads: Bool = true) -> ConsoleState {
        var s = ConsoleState(backend: "SIMULATOR", readOnly: readOnly, noColor: noColor, now: now)
        send(&s, .resize(width: width, height: height))
        send(&s, .templatesLoaded(SampleData.templates))
        send(&s, .rateLimit(limit: 30, remaining: 27))
        send(&s, .inboxStatus(address: "127.0.0.1:8788", deliveries: 4))
        let list = SampleData.users(count: users, now: now)
        send(&s, .usersLoaded(list))
        // The start's token sweep has answered (a running one shows "checking tokens…").
        if s.tokenSweep.running { send(&s, .tokenSweepFinished(TokenSweepReport(checked: list.count))) }
        if payloads, list.count >= 3 { send(&s, .payloadsLoaded(SampleData.payloads(users: Array(list.prefix(3)), now: now))) }
        return s
    }

    @discardableResult
    static func send(_ s: inout ConsoleState, _ msgs: Msg...) -> [Cmd] {
        msgs.flatMap { ConsoleCore.update(&s, $0) }
    }

    @discardableResult
    static func keys(_ s: inout ConsoleState, _ keys: Key...) -> [Cmd] {
        keys.flatMap { ConsoleCore.update(&s, .key($0)) }
    }

    @discardableResult
    static func type(_ s: inout ConsoleState, _ text: String) -> [Cmd] {
        text.flatMap { ConsoleCore.update(&s, .key(.char($0))) }
    }

    /// Runs a `:` command line.
    @discardableResult
    static func command(_ s: inout ConsoleState, _ text: String) -> [Cmd] {
        var cmds = keys(&s, .char(":"))
        cmds += type(&s, text)
        cmds += keys(&s, .enter)
        return cmds
    }
}
