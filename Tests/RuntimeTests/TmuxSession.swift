import Foundation

/// Drives the real `pushdesk` binary inside a detached tmux session (an end-to-end terminal check).
struct TmuxSession {
    let name: String
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built binary (`swift build` runs before the tests in CI and in the README's command).
    static var binary: String? {
        for dir in [".build/debug", ".build/x86_64-unknown-linux-gnu/debug", ".build/aarch64-unknown-linux-gnu/debug"] {
            let p = repoRoot.appendingPathComponent(dir).appendingPathComponent("pushdesk").path
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    static var tmuxAvailable: Bool { (try? run(["tmux", "-V"]))?.status == 0 }

    /// Starts an interactive shell in a new session of the given size.
    init(width: Int, height: Int) throws {
        name = "pd-test-\(UUID().uuidString.prefix(8))"
        let r = try Self.run(["tmux", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", "env -u NO_COLOR bash --norc --noprofile"])
        guard r.status == 0 else { throw TmuxError.failed("new-session: \(r.output)") }
        _ = try? Self.run(["tmux", "set-option", "-t", name, "status", "off"])
        // Wait for the shell's prompt before typing.
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, (try? capture())?.contains("#") != true, (try? capture())?.contains("$") != true {
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    func type(_ text: String) throws { _ = try Self.run(["tmux", "send-keys", "-t", name, "-l", text]) }
    func key(_ key: String) throws { _ = try Self.run(["tmux", "send-keys", "-t", name, key]) }
    func resize(width: Int, height: Int) throws {
        _ = try Self.run(["tmux", "resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }
    func capture() throws -> String { try Self.run(["tmux", "capture-pane", "-p", "-t", name]).output }
    func kill() { _ = try? Self.run(["tmux", "kill-session", "-t", name]) }

    /// Polls the screen until `predicate` holds; returns the last capture. `timeout` only guards against hangs.
    @discardableResult
    func waitFor(timeout: TimeInterval = 30, _ predicate: (String) -> Bool) async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if predicate(screen) { return screen }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw TmuxError.timeout(screen)
    }

    enum TmuxError: Error, CustomStringConvertible {
        case failed(String), timeout(String)
        var description: String {
            switch self {
            case .failed(let s): return "tmux failed: \(s)"
            case .timeout(let screen): return "timed out; last screen:\n\(screen)"
            }
        }
    }

    @discardableResult
    static func run(_ args: [String]) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = args
        // Output goes to a file, not a pipe: the tmux server that `new-session` forks would keep a pipe open forever.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pd-tmux-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: file.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: file) }
        let handle = try FileHandle(forWritingTo: file)
        p.standardOutput = handle
        p.standardError = handle
        p.standardInput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        try? handle.close()
        let data = (try? Data(contentsOf: file)) ?? Data()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
