import Foundation

/// The JSON shapes of the listing commands.
public enum ListingJSON {
    /// Pretty, key-sorted JSON (an array for a list).
    public static func pretty<T: Encodable>(_ value: T) throws -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try enc.encode(value), as: UTF8.self)
    }

    /// One line of key-sorted JSON (for a stream: one object per line).
    public static func line<T: Encodable>(_ value: T) throws -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try enc.encode(value), as: UTF8.self)
    }
}
