import Foundation

/// Deterministic hostile-input generator for the fuzz tests: SplitMix64 (so a failure reproduces
/// from its seed) plus mutations of well-formed seeds and random concatenations of JSON fragments.
struct ReliabilityMutator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: Range<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }

    static let fragments: [String] = [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800", "\\u0000", "0", "-", "1e999", "-1e999", "1e-999", "null", "true",
        "false", "\n", "\u{1B}[2J", "\u{1B}]0;x\u{07}", "\u{9B}", "\u{07}", "\u{0}", "é", "👨‍👩‍👧", "\u{301}", "\u{FEFF}", "\"signed\"",
        "\"expired\"", "\"expires_in_seconds\"", "\"message\"", "\"payload_uuidv4\"", "\"meta\"", "\"userToken\"", "\"user_token\"",
        "99999999999999999999", "9223372036854775808", "NaN", ".", "e", "\"Welcome ", "\"Right back at you!\"",
    ]

    /// A hostile variant of one of `seeds` (or pure noise).
    mutating func input(seeds: [String]) -> String {
        switch int(0..<7) {
        case 0:
            var s = ""
            for _ in 0..<int(1..<30) { s += Self.fragments[int(0..<Self.fragments.count)] }
            return s
        case 1:
            // Deep nesting.
            let depth = int(1..<3000)
            let open = int(0..<2) == 0 ? "[" : "{\"a\":"
            return String(repeating: open, count: depth) + "1" + String(repeating: open == "[" ? "]" : "}", count: int(0..<depth + 1))
        case 2:
            // Random bytes (often invalid UTF-8, decoded leniently).
            let bytes = (0..<int(0..<200)).map { _ in UInt8(truncatingIfNeeded: next()) }
            return String(decoding: bytes, as: UTF8.self)
        default:
            var bytes = Array(seeds[int(0..<seeds.count)].utf8)
            for _ in 0..<int(1..<6) {
                guard !bytes.isEmpty else { break }
                let at = int(0..<bytes.count)
                switch int(0..<5) {
                case 0: bytes[at] = UInt8(truncatingIfNeeded: next())
                case 1: bytes.remove(at: at)
                case 2: bytes.insert(contentsOf: Array(Self.fragments[int(0..<Self.fragments.count)].utf8), at: at)
                case 3: bytes = Array(bytes[..<at])
                default: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + int(1..<40))], at: at)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
