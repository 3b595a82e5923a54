import Foundation

/// File formats for user import/export.
public enum UserFileFormat: String, Sendable, CaseIterable {
    case json, csv

    /// From a file extension (`.json`, `.csv`); nil when unknown.
    public init?(path: String) {
        self.init(rawValue: (path as NSString).pathExtension.lowercased())
    }
}
