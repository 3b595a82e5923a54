import Foundation
import XummSimulator

/// `pushdesk simulator` running as a child process, so its memory and threads are not the bench's.
final class SimulatorChild {
    private let process: Process
    let baseURL: String
    let apiBase: String
    var pid: Int32 { process.processIdentifier }

    /// Starts the binary and waits for its banner (base url, api base).
    init(binary: String, arguments: [String]) throws {
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw BenchError("no pushdesk binary at \(binary): build it first (swift build -c release), or pass --pushdesk PATH")
        }
        let (p, banner) = try SimulatorBanner.launch(binary: binary, arguments: arguments)
        process = p
        baseURL = banner.baseURL
        apiBase = banner.apiBase
    }

    /// User + system CPU seconds the simulator has used (from /proc/PID/stat).
    func cpuSeconds() -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the command: state is field 3, utime 14 and stime 15 (1-based in proc(5)).
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
