import Foundation
import Testing
@testable import XummSimulator

@Suite struct CastTests {
    @Test func defaultCastTellsTheStory() throws {
        let loaded = try UsersFile.shipped()
        let users = loaded.users
        let now = Date()
        #expect(users.count == 12)
        #expect(users.first?.name == "alice" && users.first?.behaviour == .sign && users.first?.tokenActive(at: now) == true)
        #expect(users.contains { $0.name == "bob" && $0.behaviour == .reject })
        #expect(users.allSatisfy { ClassicAddress.isValid($0.account) })
        #expect(Set(users.map(\.account)).count == users.count)
        let day: TimeInterval = 86400
        #expect(users.contains { $0.tokenActive(at: now) && $0.tokenExpiration! < now.addingTimeInterval(3 * day) }, "one expiring within days")
        #expect(users.filter { $0.userToken != nil && !$0.revoked && !$0.tokenActive(at: now) }.count == 1, "one expired")
        #expect(users.filter(\.revoked).count == 1)
        for b in UserBehaviour.allCases { #expect(users.contains { $0.behaviour == b }, "\(b)") }
    }

    @Test func addressesRoundTrip() {
        #expect(ClassicAddress.isValid("rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh"))
        #expect(!ClassicAddress.isValid("rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTi"))
        #expect(ClassicAddress.encode(accountID: [UInt8](repeating: 0, count: 20)) == "rrrrrrrrrrrrrrrrrrrrrhoLvTp")
        for _ in 0..<50 { #expect(ClassicAddress.isValid(ClassicAddress.random())) }
    }
}
