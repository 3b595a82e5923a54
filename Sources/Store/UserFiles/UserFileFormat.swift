import Foundation

/// File formats for user import/export.
public enum UserFileFormat: String, Sendable, CaseIterable {
    case json, csv

    /// From a file extension (`.json`, `.csv`); nil when unknown.
    public init?(path: String) {
        self.init(rawValue: (path as NSString).pathExtension.lowercased())
    }

    /// From the contents: JSON when the first non-blank byte opens an array or object, else CSV.
    public init(sniffing data: Data) {
        let first = data.first { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }
        self = first == UInt8(ascii: "[") || first == UInt8(ascii: "{") ? .json : .csv
    }
}
