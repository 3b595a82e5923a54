import Foundation
import Testing
import Domain

/// The packed-key sort must give exactly the order of the plain comparison it replaces.
struct TimeLeftOrderTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// Reference: least time left first, no expiry last, ties by token.
    func reference(_ users: [KnownUser]) -> [String] {
        var keyed: [(left: Double, token: String)] = []
        for u in users {
            let left: Double = TokenAge.expiry(of: u).map { $0.timeIntervalSince(now) } ?? .infinity
            keyed.append((left, u.userToken))
        }
        keyed.sort { a, b in a.left != b.left ? a.left < b.left : a.token < b.token }
        return keyed.map { $0.token }
    }

    @Test(arguments: [1, 7, 13, 31]) func matchesThePlainComparison(stride: Int) {
        // Deterministic mix of cases (no generator needed): few distinct whole seconds, sub-second
        // differences, equal instants, far past, far future, and no expiry at all.
        let users: [KnownUser] = (0..<5_000).map { i in
            let a = (i * stride + i / 7) % 6, b = (i * 7_919 + stride) % 1_000_003
            let offset: TimeInterval? = switch a {
            case 0: Double(b % 7 - 3)
            case 1: Double(b % 7 - 3) + Double(b % 1_000) / 1_000
            case 2: -Double(b) * 997
            case 3: Double(b) * 991
            case 4: 0.25
            default: nil
            }
            let signed = offset.map { now.addingTimeInterval($0 - TokenAge.lifetime) }
            return KnownUser(userToken: String(format: "tok-%05d", (i * 7_919) % 5_000), lastSigned: signed)
        }
        let expected = reference(users)
        #expect(users.sortedByTimeLeft(now: now).map(\.userToken) == expected)
        var inPlace = users
        inPlace.sortByTimeLeft(now: now)
        #expect(inPlace.map(\.userToken) == expected)
        // Moved, not lost or duplicated: the same users, field for field.
        #expect(inPlace.sorted { $0.userToken < $1.userToken } == users.sorted { $0.userToken < $1.userToken })
    }
}
