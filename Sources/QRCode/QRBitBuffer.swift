/// A growing bit string, most significant bit first, packed into bytes (the data codewords).
struct QRBitBuffer {
    private(set) var bytes: [UInt8]
    private(set) var count = 0

    init(capacityBytes: Int) {
        bytes = []
        bytes.reserveCapacity(capacityBytes)
    }

    /// Appends the low `bits` bits of `value`, most significant first.
    mutating func append(_ value: UInt32, bits: Int) {
        var remaining = bits
        while remaining > 0 {
            let used = count & 7
            if used == 0 { bytes.append(0) }
            let free = 8 - used
            let take = min(free, remaining)
            let chunk = UInt8(truncatingIfNeeded: (value >> UInt32(remaining - take)) & ((1 << UInt32(take)) - 1))
            bytes[bytes.count - 1] |= chunk << UInt8(free - take)
            remaining -= take
            count += take
        }
    }

    /// Appends whole bytes (the buffer must be on a byte boundary).
    mutating func appendByte(_ byte: UInt8) {
        precondition(count & 7 == 0)
        bytes.append(byte)
        count += 8
    }
}
