import ConsoleCore
import ConsoleTestSupport
import Domain
import Foundation
import Testing

/// A store shared with other consoles and the service: their changes arrive as `.storeChanged`,
/// leases decide who follows a live payload, and an offline store holds pushes back.
@Suite struct SharedStoreTests {
    static let ws = "ws://127.0.0.1:9/sign/"

    static func elsewhere(_ uuid: String, token: String, name: String = "Bob", type: String = "TrustSet", age: TimeInterval = 5,
                          by op: String? = "dana@desk2", events: Int = 1) -> PayloadRecord {
        let created = Fixtures.now.addingTimeInterval(-age)
        var p = PayloadRecord(uuid: uuid, userToken: token, userName: name, transactionType: type, txjson: "{}", expireMinutes: 5,
                              created: created, pushed: true, websocketURL: ws + uuid, operatorName: op)
        p.events = (0..<events).map { PayloadEvent(at: created.addingTimeInterval(Double($0)), kind: $0 == 0 ? .created : .opened) }
        return p
    }

    /// Another operator's push appears in the Payloads pane at once; this console leaves it to its
    /// pusher for a lease term and only then tries to follow it (the claim decides who does).
    @Test func anotherOperatorsPushAppearsAndIsTakenOverOnlyAfterALeaseTerm() {
        var s = Fixtures.state(users: 8)
        let bob = s.users.users[3]
        let p = Self.elsewhere("other-1", token: bob.userToken, age: 5)
        #expect(Fixtures.send(&s, .storeChanged(StoreUpdate(payloads: [p]))).isEmpty)
        #expect(s.payloads.first?.uuid == "other-1")
        #expect(s.store.followedElsewhere["other-1"]?.retryAt == p.created.addingTimeInterval(SharedStore.leaseTerm))
        #expect(Fixtures.send(&s, .tick(Fixtures.now.addingTimeInterval(5))).isEmpty)
        let due = Fixtures.send(&s, .tick(Fixtures.now.addingTimeInterval(10)))
        #expect(due == [.follow(p)])
        // Still held: try again just after the lease the claim found runs out.
        let until = Fixtures.now.addingTimeInterval(24)
        Fixtures.send(&s, .notFollowing(uuid: "other-1", .heldElsewhere(holder: "dana@desk2 pid 7", until: until)))
        #expect(s.store.followedElsewhere["other-1"] == FollowedElsewhere(holder: "dana@desk2 pid 7", retryAt: until.addingTimeInterval(1)))
        #expect(Fixtures.send(&s, .tick(until)).isEmpty)
        #expect(Fixtures.send(&s, .tick(until.addingTimeInterval(1))) == [.follow(p)])
    }

    /// Its progress arrives the same way; a read that trails what is already shown changes nothing,
    /// and a final state ends the wait for a takeover.
    @Test func progressFromTheFeedMovesForwardOnly() {
        var s = Fixtures.state(users: 8)
        let token = s.users.users[3].userToken
        Fixtures.send(&s, .storeChanged(StoreUpdate(payloads: [Self.elsewhere("other-1", token: token, events: 2)])))
        Fixtures.send(&s, .storeChanged(StoreUpdate(payloads: [Self.elsewhere("other-1", token: token, events: 1)])))
        #expect(s.payloads.first { $0.uuid == "other-1" }?.events.count == 2)
        var signed = Self.elsewhere("other-1", token: token, events: 2)
        signed.result = PayloadResult(outcome: .signed, txid: "ABC")
        Fixtures.send(&s, .storeChanged(StoreUpdate(payloads: [signed])))
        #expect(s.payloads.first { $0.uuid == "other-1" }?.result?.outcome == .signed)
        #expect(s.store.followedElsewhere["other-1"] == nil)
        #expect(Fixtures.send(&s, .tick(Fixtures.now.addingTimeInterval(60))).isEmpty)
    }

    /// A user another process added (a token that came through the service's inbox) joins the
    /// Users pane; one it forgot leaves it, and any selection of it.
    @Test func usersAddedAndForgottenElsewhereShowHere() {
        var s = Fixtures.state(users: 8)
        let gone = s.users.users[2].userToken
        Fixtures.keys(&s, .char("j"), .char("j"), .char(" "))
        let newcomer = KnownUser(userToken: "tok-newcomer", name: "Zed Newcomer", tokenIssued: Fixtures.now,
                                 tokenExpiration: Fixtures.now.addingTimeInterval(86_400 * 30))
        Fixtures.send(&s, .storeChanged(StoreUpdate(users: [newcomer], forgottenUsers: [gone])))
        #expect(s.users.user(token: "tok-newcomer")?.name == "Zed Newcomer")
        #expect(s.users.user(token: gone) == nil)
        #expect(s.users.count == 8)
        #expect(!s.multiSelected.contains(gone))
    }

    /// The confirm dialog names a target's live payload from anyone, with who and how long ago.
    @Test func confirmWarnsAboutATargetsLivePayload() {
        var s = Fixtures.state(users: 8)
        s.operatorName = "me@desk9"
        let bob = s.cursorUser!
        Fixtures.send(&s, .storeChanged(StoreUpdate(payloads: [Self.elsewhere("other-1", token: bob.userToken, name: bob.displayName, age: 125)])))
        Fixtures.keys(&s, .enter)
        Fixtures.command(&s, "template trustline")
        Fixtures.keys(&s, .char("p"))
        let text = ConsoleCore.view(s, width: 120, height: 35).text()
        #expect(text.contains("\(bob.displayName) already has a live TrustSet from dana@desk2 (2m ago)"))
        // My own live payload reads "from you".
        var mine = Self.elsewhere("mine-1", token: bob.userToken, name: bob.displayName, type: "SignIn", age: 10, by: "me@desk9")
        mine.created = Fixtures.now.addingTimeInterval(-10)
        Fixtures.send(&s, .pushCreated(mine, bulk: false))
        Fixtures.keys(&s, .char("1"), .enter, .char("p"))
        #expect(ConsoleCore.view(s, width: 120, height: 35).text().contains("already has a live SignIn from you (just now)"))
    }

    /// Offline: the header says so, the dialog says why y waits, y sends nothing; back online, y sends.
    @Test func anOfflineStoreHoldsPushesBackUntilItAnswers() {
        var s = Fixtures.state(users: 8)
        Fixtures.send(&s, .storeReachability(.store(reason: "store offline: cannot reach PostgreSQL at db:5432/pushdesk (connection refused)")))
        #expect(!s.store.isOnline)
        #expect(ConsoleCore.view(s, width: 120, height: 35).text().split(separator: "\n").first?.contains("store offline — reconnecting") == true)
        Fixtures.keys(&s, .enter)
        Fixtures.command(&s, "template trustline")
        Fixtures.keys(&s, .char("p"))
        #expect(ConsoleCore.view(s, width: 120, height: 35).text().contains("store offline — y waits"))
        #expect(Fixtures.keys(&s, .char("y")).isEmpty)
        guard case .confirmPush? = s.overlay else { Issue.record("the dialog closed"); return }
        #expect(s.status?.isError == true)
        // No takeover is tried while the store is away.
        Fixtures.send(&s, .storeChanged(StoreUpdate(payloads: [Self.elsewhere("other-1", token: "t", age: 60)])))
        #expect(Fixtures.send(&s, .tick(Fixtures.now.addingTimeInterval(30))).isEmpty)
        Fixtures.send(&s, .storeReachability(nil))
        #expect(s.store.isOnline)
        #expect(s.status?.text.contains("back online") == true)
        let cmds = Fixtures.keys(&s, .char("y"))
        #expect(cmds.contains { if case .push = $0 { return true }; return false })
    }

    /// A lease this console lost (it could not renew in time) is said, and tried again after a term.
    @Test func aLostLeaseIsSaidAndRetried() {
        var s = Fixtures.state(users: 8)
        let live = s.payloads.first { !$0.isFinal && $0.pushed == true }!
        Fixtures.send(&s, .notFollowing(uuid: live.uuid, .leaseLost))
        #expect(s.status?.isError == true)
        #expect(s.status?.text.contains("another process took it over") == true)
        #expect(s.store.followedElsewhere[live.uuid]?.retryAt == Fixtures.now.addingTimeInterval(SharedStore.leaseTerm))
    }

    @Test(arguments: [(80, 24), (120, 35), (200, 50)])
    func offlineWithALiveWarningSnapshot(_ size: (Int, Int)) {
        var s = Fixtures.state(users: 8, width: size.0, height: size.1)
        s.operatorName = "me@desk9"
        let first = s.cursorUser!
        Fixtures.send(&s, .storeChanged(StoreUpdate(payloads: [Self.elsewhere("other-1", token: first.userToken, name: first.displayName, age: 125)])))
        Fixtures.send(&s, .storeReachability(.store(reason: "store offline: cannot reach PostgreSQL at db:5432/pushdesk (connection refused)")))
        Fixtures.keys(&s, .enter)
        Fixtures.command(&s, "template trustline")
        Fixtures.keys(&s, .char("p"))
        Snapshot.assert(ConsoleCore.view(s, width: size.0, height: size.1), named: "shared-offline-confirm-\(size.0)x\(size.1)")
    }
}
