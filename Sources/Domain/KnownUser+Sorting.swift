import Foundation

extension Array where Element == KnownUser {
    /// The console's order: least time left first (expired tokens, most overdue first), tokens with no
    /// known expiry last; ties by token so the order is stable. Time is passed in.
    ///
    /// Computes each expiry once (not per comparison) and sorts packed (key, index) pairs, comparing
    /// tokens only on equal keys, so 100,000 users sort in a few ms.
    public func sortedByTimeLeft(now: Date) -> [KnownUser] {
        withUnsafeBufferPointer { users in
            var entries: [(key: Double, index: Int32)] = []
            entries.reserveCapacity(users.count)
            for i in users.indices {
                entries.append((TokenAge.expiry(of: users[i]).map { $0.timeIntervalSince(now) } ?? .infinity, Int32(i)))
            }
            entries.sort { a, b in
                if a.key != b.key { return a.key < b.key }
                return users[Int(a.index)].userToken < users[Int(b.index)].userToken
            }
            return entries.map { users[Int($0.index)] }
        }
    }
}
