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

    /// Every upsert leaves the index equal to one built from scratch with the same users, whether
    /// the sort keys moved (a signature) or not (a push count), in every sort and under a filter.
    @Test func upsertsMatchARebuiltIndex() {
        let now = Fixtures.now
        var users = (0..<300).map { i in
            KnownUser(userToken: String(format: "tok-%03d", (i * 7) % 300), name: "User \(i % 37)",
                      lastSigned: now.addingTimeInterval(Double(-(i % 23)) * 86_400), pushCount: i % 3)
        }
        for sort in UserSort.allCases {
            for query in ["", "user 1"] {
                var index = UserIndex(users: users)
                index.setSort(sort)
                index.setQuery(query)
                var rng = SystemRandomNumberGenerator()
                for step in 0..<200 {
                    let i = Int.random(in: 0..<users.count, using: &rng)
                    var u = users[i]
                    switch step % 3 {
                    case 0: u.pushCount += 1
                    case 1: u.lastSigned = now.addingTimeInterval(Double(-Int.random(in: 0..<40, using: &rng)) * 86_400)
                    default: u.name = "User \(Int.random(in: 0..<37, using: &rng))"
                    }
                    users[i] = u
                    index.upsert(u)
                }
                var rebuilt = UserIndex(users: users)
                rebuilt.setSort(sort)
                rebuilt.setQuery(query)
                #expect(index.visible.map { index.users[Int($0)].userToken } == rebuilt.visible.map { rebuilt.users[Int($0)].userToken },
                        "sort \(sort) query '\(query)'")
            }
        }
    }
}
