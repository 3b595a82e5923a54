import Foundation
import Store
import Synchronization

/// Runs the built `pushdesk` binary against a store, for the store commands' tests.
enum PushdeskCLI {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var json: Any? { try? JSONSerialization.jsonObject(with: Data(stdout.utf8)) }
    }

    /// The `--store` value for a location: the path, or the full URL (with its password: only a
    /// test's throwaway server's).
    static func storeArgument(_ location: StoreLocation) -> String {
        switch location {
        case .sqlite(let path): return path
        case .postgres(let e):
            let auth = e.password.map { "\(e.username):\($0)" } ?? e.username
            return "postgres://\(auth)@\(e.host):\(e.port)/\(e.database)?sslmode=disable"
        }
    }

    static func environment() -> [String: String] {
        ["PATH": "/usr/bin:/bin", "HOME": FileManager.default.temporaryDirectory.path,
         "XDG_CONFIG_HOME": FileManager.default.temporaryDirectory.appendingPathComponent("pd-noconfig").path]
    }

    /// Runs to completion.
    static func run(_ binary: URL, _ args: [String]) throws -> Run {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        p.environment = environment()
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// A long-running command (`payloads list --live`) whose output lines are collected as they come.
    final class Live: Sendable {
        let process: Process
        private let output = Buffer()

        /// Bytes read so far (written from the pipe's handler thread).
        final class Buffer: Sendable {
            let data = Mutex<Data>(Data())
        }

        init(_ binary: URL, _ args: [String]) throws {
            let p = Process()
            p.executableURL = binary
            p.arguments = args
            p.environment = PushdeskCLI.environment()
            let out = Pipe()
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            process = p
            out.fileHandleForReading.readabilityHandler = { [output] handle in
                let data = handle.availableData
                output.data.withLock { $0.append(data) }
            }
            try p.run()
        }

        var lines: [String] {
            output.data.withLock { String(decoding: $0, as: UTF8.self) }.split(separator: "\n").map(String.init)
        }

        /// Waits until a line satisfies `match` (or `timeout` passes).
        func waitForLine(timeout: Duration = .seconds(10), _ match: (String) -> Bool) async -> String? {
            let deadline = ContinuousClock.now + timeout
            while ContinuousClock.now < deadline {
                if let line = lines.first(where: match) { return line }
                try? await Task.sleep(for: .milliseconds(50))
            }
            return nil
        }

        func stop() {
            process.terminate()
            process.waitUntilExit()
        }
    }
}
