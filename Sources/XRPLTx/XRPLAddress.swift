import Crypto

/// Classic-address and X-address decoding (base58check with the XRPL alphabet).
///
/// Classic address: base58 of `0x00 ‖ AccountID(20) ‖ checksum(4)`, where the checksum is the
/// first four bytes of `SHA256(SHA256(version ‖ AccountID))`.
/// X-address: base58check over `prefix(2) ‖ AccountID(20) ‖ flag(1) ‖ tag(8)`.
public enum XRPLAddress {
    /// The XRPL base58 dictionary (no `0`, `O`, `I`, `l`).
    public static let alphabet = "rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz"

    /// Why a string is not a valid classic address.
    public enum DecodeError: Error, Sendable, Equatable, CustomStringConvertible {
        case empty
        case notStartingWithR
        case badCharacter(Character)
        case badLength(Int)
        case badVersion
        case badChecksum
        case xAddress

        public var description: String {
            switch self {
            case .empty: return "empty address"
            case .notStartingWithR: return "a classic address starts with 'r'"
            case .badCharacter(let c): return "'\(c)' is not a base58 character of the XRPL alphabet (no 0, O, I or l)"
            case .badLength(let n): return "wrong length: decodes to \(n) bytes instead of 25"
            case .badVersion: return "wrong version byte: not an account address"
            case .badChecksum: return "bad checksum: not a valid XRPL classic address"
            case .xAddress: return "this is an X-address; use the classic address plus DestinationTag"
            }
        }
    }

    /// A decoded X-address.
    public struct XAddress: Sendable, Equatable {
        public var accountID: [UInt8]
        public var classicAddress: String
        public var tag: UInt32?
        public var isTest: Bool
    }

    private static let decodeTable: [Int8] = {
        var table = [Int8](repeating: -1, count: 128)
        for (i, c) in alphabet.utf8.enumerated() { table[Int(c)] = Int8(i) }
        return table
    }()
    private static let encodeTable: [UInt8] = Array(alphabet.utf8)

    /// True when `address` is a valid classic address (version 0, 20-byte AccountID, checksum ok).
    public static func isValidClassic(_ address: String) -> Bool {
        if case .success = decodeClassic(address) { return true }
        return false
    }

    /// Decodes a classic address to its 20-byte AccountID.
    public static func decodeClassic(_ address: String) -> Result<[UInt8], DecodeError> {
        if address.isEmpty { return .failure(.empty) }
        if looksLikeXAddress(address) { return .failure(.xAddress) }
        if address.utf8.first != UInt8(ascii: "r") { return .failure(.notStartingWithR) }
        let decoded: [UInt8]
        switch base58Decode(address) {
        case .failure(let e): return .failure(e)
        case .success(let d): decoded = d
        }
        guard decoded.count == 25 else { return .failure(.badLength(decoded.count)) }
        guard checksumOK(decoded) else { return .failure(.badChecksum) }
        guard decoded[0] == 0 else { return .failure(.badVersion) }
        return .success(Array(decoded[1..<21]))
    }

    /// True when the string has the shape of an X-address (starts with X or T, 47 characters).
    public static func looksLikeXAddress(_ s: String) -> Bool {
        guard let first = s.utf8.first, first == UInt8(ascii: "X") || first == UInt8(ascii: "T") else { return false }
        return s.utf8.count >= 46 && s.utf8.count <= 48
    }

    /// Decodes an X-address; `nil` when the string is not a valid X-address.
    public static func decodeXAddress(_ s: String) -> XAddress? {
        guard case .success(let d) = base58Decode(s), d.count == 35, checksumOK(d) else { return nil }
        let isTest: Bool
        if d[0] == 0x05 && d[1] == 0x44 { isTest = false } else if d[0] == 0x04 && d[1] == 0x93 { isTest = true } else { return nil }
        let account = Array(d[2..<22])
        let flag = d[22]
        let tagBytes = Array(d[23..<31])
        var tag: UInt32?
        switch flag {
        case 0:
            guard tagBytes.allSatisfy({ $0 == 0 }) else { return nil }
        case 1:
            guard tagBytes[4...].allSatisfy({ $0 == 0 }) else { return nil }
            tag = UInt32(tagBytes[0]) | UInt32(tagBytes[1]) << 8 | UInt32(tagBytes[2]) << 16 | UInt32(tagBytes[3]) << 24
        default:
            return nil
        }
        return XAddress(accountID: account, classicAddress: encodeClassic(accountID: account), tag: tag, isTest: isTest)
    }

    /// Encodes a 20-byte AccountID as a classic address.
    public static func encodeClassic(accountID: [UInt8]) -> String {
        precondition(accountID.count == 20, "an AccountID has 20 bytes")
        var payload: [UInt8] = [0]
        payload.append(contentsOf: accountID)
        payload.append(contentsOf: checksum(payload))
        return base58Encode(payload)
    }

    // MARK: - base58

    static func base58Decode(_ s: String) -> Result<[UInt8], DecodeError> {
        var zeros = 0
        var seenNonZero = false
        // Big-endian base-256 accumulator.
        var out: [UInt8] = []
        out.reserveCapacity(40)
        for scalar in s.unicodeScalars {
            guard scalar.value < 128, case let digit = decodeTable[Int(scalar.value)], digit >= 0 else {
                return .failure(.badCharacter(Character(scalar)))
            }
            if digit == 0 && !seenNonZero { zeros += 1; continue }
            seenNonZero = true
            var carry = Int(digit)
            var i = out.count - 1
            while i >= 0 {
                carry += Int(out[i]) * 58
                out[i] = UInt8(carry & 0xFF)
                carry >>= 8
                i -= 1
            }
            while carry > 0 {
                out.insert(UInt8(carry & 0xFF), at: 0)
                carry >>= 8
            }
            if out.count > 64 { return .failure(.badLength(out.count + zeros)) }
        }
        return .success([UInt8](repeating: 0, count: zeros) + out)
    }

    static func base58Encode(_ bytes: [UInt8]) -> String {
        var zeros = 0
        while zeros < bytes.count && bytes[zeros] == 0 { zeros += 1 }
        var digits: [UInt8] = []  // little-endian base58
        for byte in bytes[zeros...] {
            var carry = Int(byte)
            for j in 0..<digits.count {
                carry += Int(digits[j]) << 8
                digits[j] = UInt8(carry % 58)
                carry /= 58
            }
            while carry > 0 {
                digits.append(UInt8(carry % 58))
                carry /= 58
            }
        }
        var result = [UInt8](repeating: encodeTable[0], count: zeros)
        for d in digits.reversed() { result.append(encodeTable[Int(d)]) }
        return String(decoding: result, as: UTF8.self)
    }

    private static func checksum(_ payload: some Sequence<UInt8>) -> [UInt8] {
        let first = SHA256.hash(data: Array(payload))
        let second = SHA256.hash(data: Array(first))
        return Array(second.prefix(4))
    }

    private static func checksumOK(_ decoded: [UInt8]) -> Bool {
        guard decoded.count > 4 else { return false }
        let body = decoded[..<(decoded.count - 4)]
        return checksum(body) == Array(decoded[(decoded.count - 4)...])
    }
}
