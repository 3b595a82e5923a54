import ConsoleCore
import Domain
import Foundation
import Testing

@Suite struct UserIndexTests {
    @Test func tokenLookupSurvivesGrowthAndRepeats() {
        let now = Fixtures.now
        var index = UserIndex(users: [
            KnownUser(userToken: "a", name: "First", lastSigned: now),
            KnownUser(userToken: "b", name: "Bee", lastSigned: now),
            KnownUser(userToken: "a", name: "Second", lastSigned: now),
        ])
        #expect(index.user(token: "a")?.name == "Second")
        #expect(index.user(token: "zzz") == nil)
        for i in 0..<200 { index.upsert(KnownUser(userToken: "t\(i)", name: "N\(i)", lastSigned: now.addingTimeInterval(Double(-i)))) }
        #expect((0..<200).allSatisfy { index.user(token: "t\($0)")?.name == "N\($0)" })
        #expect(index.visible.count == index.count)
    }

    @Test func canonicallyEquivalentTokensAreOneUser() {
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        var index = UserIndex(users: [KnownUser(userToken: composed, name: "Cafe")])
        #expect(index.user(token: decomposed)?.name == "Cafe")
        index.upsert(KnownUser(userToken: decomposed, name: "Renamed"))
        #expect(index.count == 1 && index.user(token: composed)?.name == "Renamed")
    }

    @Test func equalTiesSortByToken() {
        let now = Fixtures.now
        let users = ["d-1", "b-2", "c-3", "a-4", "ab", "a"].map { KnownUser(userToken: $0, lastSigned: now) }
        let index = UserIndex(users: users)
        #expect((0..<users.count).map { index.user(atVisible: $0)!.userToken } == ["a", "a-4", "ab", "b-2", "c-3", "d-1"])
    }

    @Test func filterBuiltLazilyMatchesAfterUpsert() {
        var s = Fixtures.state(users: 50)
        Fixtures.send(&s, .userUpdated(KnownUser(userToken: "fresh-token", name: "Quentin Zed", lastSigned: Fixtures.now)))
        Fixtures.keys(&s, .char("/")); Fixtures.type(&s, "quentin")
        #expect(s.users.visible.count == 1 && s.cursorUser?.userToken == "fresh-token")
        Fixtures.keys(&s, .esc)
        Fixtures.send(&s, .userUpdated(KnownUser(userToken: "fresh-token", name: "Renamed", lastSigned: Fixtures.now)))
        Fixtures.keys(&s, .char("/")); Fixtures.type(&s, "quentin")
        #expect(s.users.visible.isEmpty)
    }
}
