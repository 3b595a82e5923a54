import ConsoleCore
import Domain
import Testing

@Suite struct FilterSortSelectTests {
    @Test func filterNarrowsIncrementallyAndEscClears() {
        var s = Fixtures.state(users: 200)
        Fixtures.keys(&s, .char("/"))
        #expect(s.mode == .filter)
        Fixtures.type(&s, "ali")
        #expect(s.users.visible.count == 10)
        #expect(s.users.visible.allSatisfy { s.users.users[Int($0)].displayName.lowercased().contains("ali") })
        Fixtures.type(&s, "ce 1")
        let narrowed = s.users.visible.count
        #expect(narrowed < 10 && narrowed > 0)
        Fixtures.keys(&s, .backspace, .backspace)
        #expect(s.users.query == "alice")
        #expect(s.users.visible.count == 10)
        Fixtures.keys(&s, .enter)
        #expect(s.mode == .normal && s.users.query == "alice")
        Fixtures.keys(&s, .esc)
        #expect(s.users.query.isEmpty && s.users.visible.count == 200)
    }

    @Test func filterMatchesAccountAndTokenPrefix() {
        var s = Fixtures.state(users: 50)
        let u = s.users.users[17]
        Fixtures.keys(&s, .char("/")); Fixtures.type(&s, String(u.account!.prefix(8)))
        #expect(s.users.visible.map { s.users.users[Int($0)].userToken }.contains(u.userToken))
        Fixtures.keys(&s, .esc, .char("/")); Fixtures.type(&s, String(u.userToken.prefix(13)))
        #expect(s.users.visible.count == 1)
        #expect(s.cursorUser == u)
    }

    @Test func sortCyclesAndKeepsTheCursorUser() {
        var s = Fixtures.state(users: 100)
        Fixtures.keys(&s, .char("j"), .char("j"), .char("j"))
        let picked = s.cursorUser!
        #expect(s.users.sort == .timeLeft)
        let lefts = s.users.visible.prefix(50).map { TokenAge.expiry(of: s.users.users[Int($0)])! }
        #expect(lefts == lefts.sorted())
        Fixtures.keys(&s, .char("s"))
        #expect(s.users.sort == .name)
        let names = s.users.visible.map { s.users.users[Int($0)].displayName.lowercased() }
        #expect(names == names.sorted())
        #expect(s.cursorUser == picked)
        Fixtures.keys(&s, .char("s"))
        #expect(s.users.sort == .lastSigned)
        let signed = s.users.visible.map { s.users.users[Int($0)].lastSigned! }
        #expect(signed == signed.sorted(by: >))
        Fixtures.keys(&s, .char("s"))
        #expect(s.users.sort == .timeLeft)
    }

    @Test func userUpdateReordersWithinTheSort() {
        var s = Fixtures.state(users: 30)
        var last = s.users.user(atVisible: 29)!
        last.lastSigned = Fixtures.now.addingTimeInterval(-60)
        last.tokenIssued = last.lastSigned
        last.tokenExpiration = nil
        Fixtures.send(&s, .userUpdated(last))
        // Freshly signed: most time left, so it moves to the bottom of the time-left order.
        #expect(s.users.user(atVisible: 29)?.userToken == last.userToken)
        var first = s.users.user(atVisible: 0)!
        first.lastSigned = Fixtures.now.addingTimeInterval(-10)
        first.tokenIssued = first.lastSigned
        Fixtures.send(&s, .userUpdated(first))
        #expect(s.users.user(atVisible: 29)?.userToken == first.userToken)
        #expect(s.users.count == 30)
        Fixtures.send(&s, .userUpdated(KnownUser(userToken: "new-token", name: "Zed", lastSigned: Fixtures.now)))
        #expect(s.users.count == 31)
    }

    @Test func spaceMultiSelectsAndDrivesPushTargets() {
        var s = Fixtures.state(users: 10)
        Fixtures.keys(&s, .char(" "), .char(" "))
        #expect(s.multiSelected.count == 2)
        #expect(s.userCursor == 2)
        Fixtures.keys(&s, .char("k"), .char(" "))
        #expect(s.multiSelected.count == 1)
        #expect(s.pushTargets == [s.users.user(atVisible: 0)!.userToken])
        Fixtures.keys(&s, .esc)
        #expect(s.multiSelected.isEmpty)
    }
}
