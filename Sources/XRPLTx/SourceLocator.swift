/// Turns UTF-8 byte offsets of a text into 1-based line and grapheme-column positions.
public struct SourceLocator: Sendable {
    private let bytes: [UInt8]

    /// Creates a locator over the UTF-8 bytes of a text.
    public init(utf8 bytes: [UInt8]) { self.bytes = bytes }

    /// The 1-based (line, column) of a UTF-8 byte offset; the column counts characters.
    public func location(ofOffset rawOffset: Int) -> (line: Int, column: Int) {
        let offset = max(0, min(rawOffset, bytes.count))
        var line = 1
        var lineStart = 0
        var i = 0
        while i < offset {
            if bytes[i] == 0x0A { line += 1; lineStart = i + 1 }
            i += 1
        }
        // Count grapheme clusters between the line start and the offset.
        var end = offset
        // Never cut inside a UTF-8 sequence.
        while end > lineStart, end < bytes.count, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        let prefix = String(decoding: bytes[lineStart..<end], as: UTF8.self)
        return (line, prefix.count + 1)
    }
}
