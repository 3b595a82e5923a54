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

    /// Starts an interactive shell in a new session of the given size, on a tmux server of its own
    /// (`-L`): on the shared default server, one test's last `kill-session` ends the server while the
    /// next test's `new-session` connects to it ("server exited unexpectedly").
    init(width: Int, height: Int) throws {
        name = "pd-test-\(UUID().uuidString.prefix(8))"
        let r = try Self.run(["tmux", "-L", name, "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", "env -u NO_COLOR bash --norc --noprofile"])
        guard r.status == 0 else { throw TmuxError.failed("new-session: \(r.output)") }
        _ = try? Self.run(["tmux", "-L", name, "set-option", "-t", name, "status", "off"])
        // Wait for the shell's prompt before typing.
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, (try? capture())?.contains("#") != true, (try? capture())?.contains("$") != true {
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    func type(_ text: String) throws { _ = try Self.run(["tmux", "-L", name, "send-keys", "-t", name, "-l", text]) }
    func key(_ key: String) throws { _ = try Self.run(["tmux", "-L", name, "send-keys", "-t", name, key]) }
    func resize(width: Int, height: Int) throws {
        _ = try Self.run(["tmux", "-L", name, "resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }
    func capture() throws -> String { try Self.run(["tmux", "-L", name, "capture-pane", "-p", "-t", name]).output }
    /// The screen with its SGR escape sequences (`capture-pane -e`): colours and attributes as drawn.
    func captureWithEscapes() throws -> String { try Self.run(["tmux", "-L", name, "capture-pane", "-p", "-e", "-t", name]).output }
    /// A tmux format for the pane (`#{mouse_any_flag}`: whether the program asked for mouse events).
    func format(_ f: String) throws -> String {
        try Self.run(["tmux", "-L", name, "display-message", "-p", "-t", name, f]).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    func kill() { _ = try? Self.run(["tmux", "-L", name, "kill-server"]) }

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

    /// Runs a command to completion and returns its exit status and combined output.
    ///
    /// Not `Foundation.Process`: it learns that a child ended from a socket the child inherits, and the
    /// tmux server that the first `new-session` forks keeps that socket open forever, so
    /// `waitUntilExit()` never returned on a machine with no tmux server running (CI hung there).
    /// Here the child gets only stdin, stdout and stderr, and we wait for its pid.
    @discardableResult
    static func run(_ args: [String]) throws -> (status: Int32, output: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pd-tmux-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, file.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // Glibc's addclosefrom_np is not visible from Swift: close each inheritable descriptor instead.
        for fd in inheritableDescriptors() { posix_spawn_file_actions_addclose(&actions, fd) }
        let argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // The test process's threads block most signals, and a spawned child inherits that mask: a tmux
        // server started so never saw its signals and outlived `kill-server` (sessions piled up after
        // every run). The child starts with no signal blocked and the usual default dispositions.
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var none = sigset_t(), defaults = sigset_t()
        sigemptyset(&none)
        sigemptyset(&defaults)
        for sig in [SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM, SIGCHLD] { sigaddset(&defaults, sig) }
        posix_spawnattr_setsigmask(&attr, &none)
        posix_spawnattr_setsigdefault(&attr, &defaults)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid = pid_t()
        let rc = posix_spawnp(&pid, args[0], &actions, &attr, argv, environ)
        guard rc == 0 else { throw TmuxError.failed("\(args[0]): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw TmuxError.failed("waitpid: \(String(cString: strerror(errno)))") }
        }
        // WIFEXITED / WEXITSTATUS are macros Swift cannot see.
        let exitCode: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let data = (try? Data(contentsOf: file)) ?? Data()
        return (exitCode, String(decoding: data, as: UTF8.self))
    }

    /// Open descriptors above stderr without close-on-exec, which a child (and a daemon it forks) would keep.
    private static func inheritableDescriptors() -> [Int32] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return names.compactMap(Int32.init).filter { fd in
            guard fd > 2 else { return false }
            let flags = fcntl(fd, F_GETFD)
            return flags >= 0 && flags & FD_CLOEXEC == 0
        }
    }
}
