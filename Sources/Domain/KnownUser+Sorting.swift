import Foundation

extension Array where Element == KnownUser {
    /// The console's order: least time left first (expired tokens, most overdue first), tokens with no
    /// known expiry last; ties by token so the order is stable. Time is passed in.
    ///
    /// Computes each expiry once (not per comparison) and sorts packed integers — whole seconds of
    /// time left in the high bits, the index in the low ones — so the sort compares plain `UInt64`s;
    /// users within the same second are then put in exact order (time left, then token).
    public func sortedByTimeLeft(now: Date) -> [KnownUser] {
        guard count > 1 else { return self }
        guard count < 1 << Self.indexBits else { return sortedByTimeLeftComparing(now: now) }
        let order = timeLeftOrder(now: now)
        return withUnsafeBufferPointer { users in order.map { users[$0] } }
    }

    /// Sorts in place into the same order as ``sortedByTimeLeft(now:)``, moving the users rather than
    /// copying them: no second array, and no reference count touched per user.
    public mutating func sortByTimeLeft(now: Date) {
        guard count > 1 else { return }
        guard count < 1 << Self.indexBits else { self = sortedByTimeLeftComparing(now: now); return }
        let order = timeLeftOrder(now: now)
        // Apply the permutation cycle by cycle: position k takes the user at order[k].
        var placed = [Bool](repeating: false, count: count)
        withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            for start in 0..<order.count where !placed[start] {
                placed[start] = true
                if order[start] == start { continue }
                let first = (base + start).move()
                var k = start
                while true {
                    let source = order[k]
                    if source == start { (base + k).initialize(to: first); break }
                    (base + k).moveInitialize(from: base + source, count: 1)
                    placed[source] = true
                    k = source
                }
            }
        }
    }

    /// Indices of the users in time-left order.
    private func timeLeftOrder(now: Date) -> [Int] {
        withUnsafeBufferPointer { users in
            let mask: UInt64 = (1 << Self.indexBits) - 1
            var left = [Double](repeating: 0, count: users.count)
            var packed: [UInt64] = []
            packed.reserveCapacity(users.count)
            for i in users.indices {
                let k = TokenAge.expiry(of: users[i]).map { $0.timeIntervalSince(now) } ?? .infinity
                left[i] = k
                packed.append(Self.secondBucket(k) << Self.indexBits | UInt64(i))
            }
            packed.sort()
            // Exact order inside each run of equal whole seconds.
            var start = 0
            while start < packed.count {
                let bucket = packed[start] >> Self.indexBits
                var end = start + 1
                while end < packed.count, packed[end] >> Self.indexBits == bucket { end += 1 }
                if end - start > 1 {
                    packed[start..<end].sort { a, b in
                        let ia = Int(a & mask), ib = Int(b & mask)
                        if left[ia] != left[ib] { return left[ia] < left[ib] }
                        return users[ia].userToken < users[ib].userToken
                    }
                }
                start = end
            }
            return packed.map { Int($0 & mask) }
        }
    }

    /// Bits of a packed key that hold the index (up to 2,097,151 users).
    private static var indexBits: UInt64 { 21 }

    /// Whole seconds of time left, shifted to be non-negative, in 43 bits; no expiry sorts last.
    private static func secondBucket(_ left: Double) -> UInt64 {
        let top: UInt64 = (1 << 43) - 1
        guard left.isFinite else { return top }
        let shifted = (left.rounded(.down) + Double(1 << 42))
        return UInt64(Swift.min(Swift.max(shifted, 0), Double(top - 1)))
    }

    /// The same order by comparing (time left, token) pairs; for lists too long to pack.
    private func sortedByTimeLeftComparing(now: Date) -> [KnownUser] {
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
