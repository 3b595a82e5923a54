/// Typed access to the members of a transaction object, reporting type errors as findings.
struct FieldReader {
    let members: [(key: String, value: JSONValue)]
    /// Path of the object itself ("" for a bare txjson, "txjson" inside a payload).
    let path: String

    subscript(key: String) -> JSONValue? {
        for member in members where member.key == key { return member.value }
        return nil
    }

    func has(_ key: String) -> Bool { self[key] != nil }

    func path(_ key: String) -> String { join(path, key) }

    /// The string under `key`, or `nil` when absent or not a string.
    func string(_ key: String) -> String? { self[key]?.stringValue }

    /// The UInt32 value under `key` when it is a valid integer number.
    func uint32(_ key: String) -> UInt32? {
        guard case .number(let text)? = self[key], let v = NumberText.integer(text), v >= 0, v <= Int64(UInt32.max) else { return nil }
        return UInt32(v)
    }

    /// Reports a missing required field, located at the enclosing object.
    func requireField(_ key: String, _ ctx: inout ValidationContext, type: String) -> JSONValue? {
        if let v = self[key] { return v }
        ctx.error(path(key), "missing required field \(key) for \(type)", anchor: path)
        return nil
    }
}

/// Helpers for JSON number lexemes.
enum NumberText {
    /// The integer value of a JSON number lexeme if it denotes an integer that fits in Int64
    /// (accepts `10`, `-3`, `1e3`, `10.0`); `nil` otherwise.
    static func integer(_ text: String) -> Int64? {
        if let v = Int64(text) { return v }
        // Non-plain lexeme: accept only exact integral values of moderate size.
        guard let d = Double(text), d.isFinite, d.rounded() == d, abs(d) < 9.0e15 else { return nil }
        return Int64(d)
    }

    /// True when the lexeme has a fraction or exponent part.
    static func isPlainInteger(_ text: String) -> Bool {
        !text.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
    }
}

/// Hex-string helpers.
enum Hex {
    static func isHex(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy(isHexByte)
    }

    static func isUpperHex(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x46) }
    }

    @inline(__always)
    static func isHexByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66)
    }

    /// Decodes an even-length hex string; `nil` when not hex or odd.
    static func decode(_ s: String) -> [UInt8]? {
        let u = Array(s.utf8)
        guard u.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(u.count / 2)
        var i = 0
        while i < u.count {
            guard let hi = nibble(u[i]), let lo = nibble(u[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }

    static func encode(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    private static func nibble(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x41...0x46: return b - 0x41 + 10
        case 0x61...0x66: return b - 0x61 + 10
        default: return nil
        }
    }
}
