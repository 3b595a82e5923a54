import ConsoleCore
import Foundation
import Terminal

/// Runs the console: the terminal loop on its own thread (every ncurses call happens there), the
/// ``ConsoleLoop`` on a thread of its own. Returns when the operator quits or a signal arrives;
/// the terminal is restored in every case.
public enum ConsoleApp {
    public struct Options: Sendable {
        /// `SIMULATOR …` or the API host, for the header badge.
        public var label: String
        public var readOnly = false
        public var noColor = false
        /// Clicks and the wheel (`--no-mouse` turns them off).
        public var mouse = true
        public init(label: String, readOnly: Bool = false, noColor: Bool = false, mouse: Bool = true) {
            self.label = label; self.readOnly = readOnly; self.noColor = noColor; self.mouse = mouse
        }
    }

    public static func run(services: Services, options: Options) async throws {
        let mailbox = FrameMailbox()
        var state = ConsoleState(backend: options.label, readOnly: options.readOnly, noColor: options.noColor, now: Date())
        state.utcOffsetSeconds = TimeZone.current.secondsFromGMT()
        state.operatorName = services.operatorName
        let loop = ConsoleLoop(state: state, services: services, mailbox: mailbox)
        let loopTask = Task { await loop.run() }
        defer { loopTask.cancel() }
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, Error>) in
            let thread = Thread {
                let screen: TerminalScreen
                do { screen = try TerminalScreen(noColor: options.noColor, mouse: options.mouse) } catch {
                    mailbox.stop()
                    done.resume(throwing: error)
                    return
                }
                screen.run(mailbox: mailbox, keyTimeoutMs: 10) { event in
                    switch event {
                    case .key(let key): loop.send(.key(key))
                    case .resize(let w, let h): loop.send(.resize(width: w, height: h))
                    case .terminate: loop.finish()
                    }
                }
                screen.restore()
                done.resume()
            }
            thread.name = "pushdesk-terminal"
            thread.start()
        }
    }
}
