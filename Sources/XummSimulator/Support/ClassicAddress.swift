import Crypto
import Foundation

/// XRPL classic addresses: base58check over the XRPL alphabet, version byte 0, checksum = first
/// 4 bytes of double SHA-256.
public enum ClassicAddress {
    static let alphabet = Array("rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz".utf8)

    /// Encodes a 20-byte account ID.
    public static func encode(accountID: [UInt8]) -> String {
        precondition(accountID.count == 20)
        let payload = [UInt8(0)] + accountID
        let check = Array(SHA256.hash(data: Data(SHA256.hash(data: Data(payload)))).prefix(4))
        return base58(payload + check)
    }

    /// A fresh random address.
    public static func random() -> String {
        var rng = SystemRandomNumberGenerator()
        return encode(accountID: (0..<20).map { _ in UInt8.random(in: 0...255, using: &rng) })
    }

    /// True when `address` decodes to version 0 + 20 bytes with a matching checksum.
    public static func isValid(_ address: String) -> Bool {
        guard let bytes = decode(address), bytes.count == 25, bytes[0] == 0 else { return false }
        let check = Array(SHA256.hash(data: Data(SHA256.hash(data: Data(bytes[0..<21])))).prefix(4))
        return Array(bytes[21..<25]) == check
    }

    static func base58(_ bytes: [UInt8]) -> String {
        var digits: [Int] = [0]
        for byte in bytes {
            var carry = Int(byte)
            for i in 0..<digits.count {
                carry += digits[i] << 8
                digits[i] = carry % 58
                carry /= 58
            }
            while carry > 0 { digits.append(carry % 58); carry /= 58 }
        }
        var out = [UInt8](repeating: alphabet[0], count: bytes.prefix { $0 == 0 }.count)
        if !(digits.count == 1 && digits[0] == 0) { out += digits.reversed().map { alphabet[$0] } }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ s: String) -> [UInt8]? {
        var bytes: [Int] = [0]
        for c in s.utf8 {
            guard let v = alphabet.firstIndex(of: c) else { return nil }
            var carry = v
            for i in 0..<bytes.count {
                carry += bytes[i] * 58
                bytes[i] = carry & 0xff
                carry >>= 8
            }
            while carry > 0 { bytes.append(carry & 0xff); carry >>= 8 }
        }
        let zeros = s.utf8.prefix { $0 == alphabet[0] }.count
        var result = bytes.reversed().map { UInt8($0) }
        while result.first == 0 { result.removeFirst() }
        return [UInt8](repeating: 0, count: zeros) + result
    }
}
