import Domain

/// The Users filter's search keys: lower-cased name, account and token of every user, concatenated
/// in one byte array, with a linear matcher. Built on the first filter keystroke (or name sort), not
/// when users load.
///
/// A user matches a query on a case-insensitive substring of the display name, or a prefix of the
/// account or of the user token.
struct SearchKeys: Sendable {
    private var bytes: [UInt8] = []
    /// Per user: start of name, end of name, end of account, end of token in `bytes`.
    private var ranges: [SIMD4<Int32>] = []

    init(users: [KnownUser]) {
        bytes.reserveCapacity(users.count * 48)
        ranges.reserveCapacity(users.count)
        for u in users { ranges.append(appendKey(u)) }
    }

    /// Sets the key of user `index` (appending a new user when `index == count`).
    mutating func set(_ u: KnownUser, at index: Int) {
        let r = appendKey(u)
        if index == ranges.count { ranges.append(r) } else { ranges[index] = r }
    }

    /// The members of `source` (in order) that match `query` (lower-cased bytes, not empty).
    ///
    /// A large `source` (a sorted order of all users) is matched in index order first, so that the
    /// keys are read sequentially rather than in sort order, then picked in `source` order.
    func filter(_ source: [Int32], query: [UInt8]) -> [Int32] {
        if source.count * 4 >= ranges.count {
            let hits = matchAll(query: query)
            return hits.withUnsafeBufferPointer { hits in source.filter { hits[Int($0)] } }
        }
        return bytes.withUnsafeBufferPointer { hay in
            query.withUnsafeBufferPointer { needle in
                ranges.withUnsafeBufferPointer { ranges in
                    source.filter { Self.matches(hay, ranges[Int($0)], needle) }
                }
            }
        }
    }

    /// Per user index: does it match `query`?
    private func matchAll(query: [UInt8]) -> [Bool] {
        bytes.withUnsafeBufferPointer { hay in
            query.withUnsafeBufferPointer { needle in
                ranges.withUnsafeBufferPointer { ranges in ranges.map { Self.matches(hay, $0, needle) } }
            }
        }
    }

    private static func matches(_ hay: UnsafeBufferPointer<UInt8>, _ r: SIMD4<Int32>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        contains(hay, Int(r.x), Int(r.y), needle) || hasPrefix(hay, Int(r.y), Int(r.z), needle) || hasPrefix(hay, Int(r.z), Int(r.w), needle)
    }

    /// Compares the lower-cased display names of users `i` and `j`: -1, 0 or 1.
    func compareNames(_ i: Int, _ j: Int) -> Int {
        let ri = ranges[i], rj = ranges[j]
        let a = bytes[Int(ri.x)..<Int(ri.y)], b = bytes[Int(rj.x)..<Int(rj.y)]
        if a.lexicographicallyPrecedes(b) { return -1 }
        return a.elementsEqual(b) ? 0 : 1
    }

    /// The first 8 bytes of user `i`'s lower-cased name, big-endian, zero-padded: ordering two
    /// names by it agrees with ``compareNames(_:_:)`` whenever the prefixes differ.
    func namePrefix(_ i: Int) -> UInt64 {
        let r = ranges[i]
        var p: UInt64 = 0
        let start = Int(r.x), end = Int(r.y)
        for k in 0..<8 { p = p << 8 | UInt64(start + k < end ? bytes[start + k] : 0) }
        return p
    }

    /// Lower-cases `s` into `bytes`: ASCII fast path; full Unicode lower-casing only for non-ASCII text.
    static func appendLowercased(_ s: String, to bytes: inout [UInt8]) {
        let utf8 = s.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            for b in utf8 { bytes.append(b >= 65 && b <= 90 ? b + 32 : b) }
        } else {
            bytes.append(contentsOf: s.lowercased().utf8)
        }
    }

    private mutating func appendKey(_ u: KnownUser) -> SIMD4<Int32> {
        let start = Int32(bytes.count)
        Self.appendLowercased(u.displayName, to: &bytes)
        let nameEnd = Int32(bytes.count)
        Self.appendLowercased(u.account ?? "", to: &bytes)
        let accountEnd = Int32(bytes.count)
        Self.appendLowercased(u.userToken, to: &bytes)
        return SIMD4(start, nameEnd, accountEnd, Int32(bytes.count))
    }

    private static func hasPrefix(_ hay: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, _ n: UnsafeBufferPointer<UInt8>) -> Bool {
        guard to - from >= n.count else { return false }
        for k in 0..<n.count where hay[from + k] != n[k] { return false }
        return true
    }

    private static func contains(_ hay: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, _ n: UnsafeBufferPointer<UInt8>) -> Bool {
        let m = n.count
        guard to - from >= m else { return false }
        let first = n[0]
        var i = from
        while i <= to - m {
            if hay[i] == first {
                var k = 1
                while k < m, hay[i + k] == n[k] { k += 1 }
                if k == m { return true }
            }
            i += 1
        }
        return false
    }
}
