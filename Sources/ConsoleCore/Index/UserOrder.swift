/// Sorts user indices by precomputed keys: a `Double` and an 8-byte prefix, with a full comparison
/// only for pairs equal on both. At 100,000 users this avoids closures over `KnownUser` values and
/// string comparisons on almost every pair.
enum UserOrder {
    struct Entry: Sendable {
        var key: Double
        /// Must order like `tieBreak` whenever two prefixes differ (0 for all when unknown).
        var prefix: UInt64
        var index: Int32
    }

    /// Sorts `entries` in place by ascending key, then prefix, then `tieBreak` (strict "precedes"),
    /// and returns their indices in that order.
    static func sort(_ entries: inout [Entry], tieBreak: (Int32, Int32) -> Bool) -> [Int32] {
        entries.sort { a, b in
            if a.key != b.key { return a.key < b.key }
            if a.prefix != b.prefix { return a.prefix < b.prefix }
            return tieBreak(a.index, b.index)
        }
        return entries.map(\.index)
    }

    /// The first 8 UTF-8 bytes of `s`, big-endian and zero-padded, when `s` is ASCII (so that byte
    /// order is `String` order); nil otherwise.
    static func asciiPrefix(_ s: String) -> UInt64? {
        if let fast = s.utf8.withContiguousStorageIfAvailable({ prefix(of: $0) }) { return fast }
        return prefix(of: Array(s.utf8))
    }

    private static func prefix(of bytes: some Collection<UInt8>) -> UInt64? {
        var p: UInt64 = 0
        var n = 0
        for b in bytes {
            if b >= 0x80 { return nil }
            if n < 8 { p = p << 8 | UInt64(b); n += 1 }
        }
        return n < 8 ? p << (8 * UInt64(8 - n)) : p
    }
}
