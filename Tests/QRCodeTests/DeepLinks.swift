import QRCode

/// Reproducible random deep links of the shapes PushDesk prints (SplitMix64, seeded).
struct DeepLinks {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    /// A version 4 UUID, lower-case.
    mutating func uuid() -> String {
        let hex = Array("0123456789abcdef")
        var s = ""
        for i in 0..<32 {
            if [8, 12, 16, 20].contains(i) { s.append("-") }
            let nibble = i == 12 ? 4 : i == 16 ? 8 + below(4) : below(16)
            s.append(hex[nibble])
        }
        return s
    }

    /// One deep link: the platform's `next.always` shapes, the simulator's, and an upper-case one
    /// (alphanumeric mode).
    mutating func link() -> String {
        let id = uuid()
        switch below(8) {
        case 0, 1, 2: return "https://xumm.app/sign/\(id)"
        case 3, 4: return "https://xumm.app/sign/\(id)/qr"
        case 5: return "http://127.0.0.1:\(1024 + below(64_000))/sign/\(id)"
        case 6: return "https://xaman.app/sign/\(id)?source=pushdesk&ref=\(below(1_000_000))"
        default: return "HTTPS://XUMM.APP/SIGN/\(id.uppercased())"
        }
    }

    /// Random text of exactly `count` characters that `mode` writes.
    mutating func text(_ mode: QRMode, count: Int) -> String {
        let alphabet: [Character] = switch mode {
        case .numeric: Array("0123456789")
        case .alphanumeric: Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
        case .byte: Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#[]@!$&'()*+,;=%")
        }
        return String((0..<count).map { _ in alphabet[below(alphabet.count)] })
    }
}
