import Domain
import Foundation

/// User token → index into a users array, by open addressing over a hash of the token's UTF-8 bytes.
///
/// Built for 100,000 users in a few ms: no per-key `String` copies and no SipHash, unlike
/// `[String: Int32]`. Keys are compared with `String ==` (canonical equivalence), and non-ASCII
/// tokens are hashed in NFC so that equal strings always hash alike.
struct TokenTable: Sendable {
    private struct Slot: Sendable {
        var tag: UInt32
        /// Index into the users array; -1 = empty.
        var index: Int32
        static let empty = Slot(tag: 0, index: -1)
    }

    private var slots: [Slot] = []
    private(set) var count = 0

    init() {}

    /// All tokens of `users`; a repeated token maps to its last occurrence.
    init(users: [KnownUser]) {
        var capacity = 16
        while capacity < users.count * 2 { capacity <<= 1 }
        slots = Array(repeating: .empty, count: capacity)
        users.withUnsafeBufferPointer { list in
            for i in list.indices { insert(Int32(i), token: list[i].userToken, in: users) }
        }
    }

    /// The index of `token` in `users`, if present.
    func find(_ token: String, in users: [KnownUser]) -> Int32? {
        guard !slots.isEmpty else { return nil }
        let h = Self.hash(token)
        let tag = UInt32(truncatingIfNeeded: h >> 32)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = slots[i]
            if s.index < 0 { return nil }
            if s.tag == tag, users[Int(s.index)].userToken == token { return s.index }
            i = (i + 1) & mask
        }
    }

    /// Maps `users[index].userToken` to `index` (replacing an equal token).
    mutating func insert(_ index: Int32, in users: [KnownUser]) {
        insert(index, token: users[Int(index)].userToken, in: users)
    }

    private mutating func insert(_ index: Int32, token: String, in users: [KnownUser]) {
        if (count + 1) * 2 > slots.count { grow(in: users) }
        let h = Self.hash(token)
        let tag = UInt32(truncatingIfNeeded: h >> 32)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = slots[i]
            if s.index < 0 {
                slots[i] = Slot(tag: tag, index: index)
                count += 1
                return
            }
            if s.tag == tag, users[Int(s.index)].userToken == token {
                slots[i].index = index
                return
            }
            i = (i + 1) & mask
        }
    }

    private mutating func grow(in users: [KnownUser]) {
        let old = slots
        slots = Array(repeating: .empty, count: max(16, old.count * 2))
        count = 0
        for s in old where s.index >= 0 { insert(s.index, in: users) }
    }

    /// FNV-1a (64-bit) of the UTF-8 bytes; NFC first for non-ASCII text.
    static func hash(_ s: String) -> UInt64 {
        let fast = s.utf8.withContiguousStorageIfAvailable { bytes -> UInt64? in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            var high: UInt8 = 0
            for b in bytes {
                high |= b
                h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3
            }
            return high < 0x80 ? h ^ (h >> 29) : nil
        }
        if let fast = fast ?? nil { return fast }
        let utf8 = s.utf8.allSatisfy({ $0 < 0x80 }) ? s.utf8 : s.precomposedStringWithCanonicalMapping.utf8
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return h ^ (h >> 29)
    }
}
