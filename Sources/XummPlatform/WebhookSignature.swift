import Crypto
import Foundation

/// The signature the platform puts on webhook deliveries: lowercase hex HMAC-SHA1 of
/// `timestamp + raw body`, keyed by the API secret with only its **first** `-` removed.
public struct WebhookSignature: Sendable {
    // Raw key bytes (SymmetricKey is not Sendable); never printed.
    private let keyBytes: [UInt8]

    /// - Parameter apiSecret: the application's API secret (kept only as key material).
    public init(apiSecret: String) {
        var secret = apiSecret
        if let dash = secret.firstIndex(of: "-") { secret.remove(at: dash) }
        keyBytes = Array(secret.utf8)
    }

    /// The signature for a delivery.
    public func sign(timestamp: String, body: some DataProtocol) -> String {
        var mac = HMAC<Insecure.SHA1>(key: SymmetricKey(data: keyBytes))
        mac.update(data: Array(timestamp.utf8))
        mac.update(data: body)
        return Self.hex(mac.finalize())
    }

    /// Constant-time check of a received signature (case-insensitive hex).
    public func verify(signature: String, timestamp: String, body: some DataProtocol) -> Bool {
        let expected = Array(sign(timestamp: timestamp, body: body).utf8)
        let utf8 = signature.utf8
        let given = utf8.allSatisfy { $0 < 0x80 }
            ? utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
            : Array(signature.lowercased().utf8)
        guard expected.count == given.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<expected.count { diff |= expected[i] ^ given[i] }
        return diff == 0
    }

    private static let digits = Array("0123456789abcdef".utf8)

    /// Lowercase hex of `bytes`.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(40)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
