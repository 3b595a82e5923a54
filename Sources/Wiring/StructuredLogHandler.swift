import Foundation
import Logging
import XRPLTx

/// The line formats `pushdesk serve` logs in (`--log-format`).
public enum LogFormat: String, Sendable, CaseIterable {
    /// One JSON object per line: `{"ts":…,"level":…,"label":…,"msg":…, metadata…}`.
    case json
    /// `ts=… level=… label=… msg="…" key=value …`.
    case logfmt
}

/// A swift-log handler writing one structured line per entry to standard error or a ``LogFile``.
/// Callers never put the API secret or a store password in a message or metadata.
public struct StructuredLogHandler: LogHandler {
    private let label: String
    private let format: LogFormat
    private let file: LogFile?
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]

    /// - Parameter file: where lines go; standard error when nil.
    public init(label: String, format: LogFormat, level: Logger.Level, file: LogFile?) {
        self.label = label; self.format = format; self.logLevel = level; self.file = file
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?, source: String,
                    file _: String, function: String, line: UInt) {
        let meta = metadata.merging(extra ?? [:]) { $1 }.sorted { $0.key < $1.key }.map { ($0.key, "\($0.value)") }
        let line = Self.line(format: format, at: Date(), level: level, label: label, message: "\(message)", metadata: meta)
        if let file { file.write(line) } else { FileHandle.standardError.write(Data(line.utf8)) }
    }

    /// One formatted line, newline included.
    public static func line(format: LogFormat, at: Date, level: Logger.Level, label: String, message: String,
                            metadata: [(String, String)]) -> String {
        let ts = at.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
        let fields = [("ts", ts), ("level", level.rawValue), ("label", label), ("msg", message)] + metadata
        switch format {
        case .json:
            return "{" + fields.map { "\(jsonString($0.0)):\(jsonString($0.1))" }.joined(separator: ",") + "}\n"
        case .logfmt:
            return fields.map { "\(logfmtKey($0.0))=\(logfmtValue($0.1))" }.joined(separator: " ") + "\n"
        }
    }

    static func jsonString(_ s: String) -> String {
        var out = ""
        JSONPrinter.writeString(s, into: &out)
        return out
    }

    static func logfmtKey(_ s: String) -> String {
        let cleaned = s.unicodeScalars.filter { $0.value > 0x20 && $0 != "=" && $0 != "\"" }
        return cleaned.isEmpty ? "_" : String(String.UnicodeScalarView(cleaned))
    }

    static func logfmtValue(_ s: String) -> String {
        let plain = !s.isEmpty && s.unicodeScalars.allSatisfy { $0.value > 0x20 && $0 != "=" && $0 != "\"" && $0 != "\\" }
        return plain ? s : jsonString(s)
    }
}
