import Foundation

/// What `pushdesk simulator` prints once it listens (`base url:`, `api base:`, … ending with
/// `time scale:`): tests and benchmarks that start it as a child process read its addresses here.
public struct SimulatorBanner: Sendable {
    /// `http://127.0.0.1:PORT`.
    public let baseURL: String
    /// `http://127.0.0.1:PORT/api/v1/platform`.
    public let apiBase: String

    /// Reads `handle` until the banner's last line has arrived or the stream ends.
    /// - Returns: the banner, or nil when it was incomplete; and the text read, for error messages.
    public static func read(from handle: FileHandle) -> (banner: SimulatorBanner?, text: String) {
        var text = ""
        while !text.contains("time scale:") {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        func field(_ name: String) -> String? {
            text.split(separator: "\n").first { $0.hasPrefix(name) }.map { $0.dropFirst(name.count).trimmingCharacters(in: .whitespaces) }
        }
        guard let base = field("base url:"), let api = field("api base:") else { return (nil, text) }
        return (SimulatorBanner(baseURL: base, apiBase: api), text)
    }

    /// Starts `binary` (a `pushdesk simulator …` command line) as a child process and waits for its
    /// banner. Its standard error is discarded; the process is terminated if no banner comes.
    /// - Throws: ``SimulatorLaunchError`` with whatever the child printed.
    public static func launch(binary: String, arguments: [String]) throws -> (process: Process, banner: SimulatorBanner) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let (banner, text) = read(from: out.fileHandleForReading)
        guard let banner else {
            p.terminate()
            throw SimulatorLaunchError(output: text)
        }
        return (p, banner)
    }
}

/// `pushdesk simulator` ended (or stopped printing) before its banner was complete.
public struct SimulatorLaunchError: Error, CustomStringConvertible {
    /// What it printed.
    public let output: String
    public var description: String { "the simulator did not start: \(output)" }
}
