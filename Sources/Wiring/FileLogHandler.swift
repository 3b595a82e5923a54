import Foundation
import Logging

/// A swift-log handler appending lines to a file (`--log-file`); the screen never gets log output.
public struct FileLogHandler: LogHandler {
    private let sink: LogFile
    private let label: String
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]

    public init(label: String, file: LogFile) { self.label = label; self.sink = file }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?, source: String,
                    file: String, function: String, line: UInt) {
        let meta = metadata.merging(extra ?? [:]) { $1 }
        let metaText = meta.isEmpty ? "" : " " + meta.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        sink.write("\(ISO8601DateFormatter().string(from: Date())) \(level) \(label): \(message)\(metaText)\n")
    }
}

/// An append-only log file shared by every handler, created with mode 0600.
public final class LogFile: Sendable {
    private let handle: FileHandle
    private let lock = NSLock()
    public init(path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        guard let h = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileWriteNoPermission) }
        h.seekToEndOfFile()
        handle = h
    }
    func write(_ line: String) {
        lock.lock(); defer { lock.unlock() }
        handle.write(Data(line.utf8))
    }
}
