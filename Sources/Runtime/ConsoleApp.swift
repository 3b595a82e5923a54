import ConsoleCore
import Foundation
import Terminal

/// Runs the console: the terminal loop on its own thread (every ncurses call happens there), the
/// `ConsoleDriver` on the concurrency pool. Returns when the operator quits or a signal arrives;
/// the terminal is restored in every case.
public enum ConsoleApp {
    public struct Options: Sendable {
        public var readOnly = false
        public var noColor = false
        public init(readOnly: Bool = false, noColor: Bool = false) { self.readOnly = readOnly; self.noColor = noColor }
    }

    public static func run(backend: Backend, options: Options) async throws {
        let mailbox = FrameMailbox()
        var state = ConsoleState(backend: backend.label, readOnly: options.readOnly, noColor: options.noColor, now: Date())
        state.utcOffsetSeconds = TimeZone.current.secondsFromGMT()
        let inboxAddress = backend.inbox.flatMap { URLComponents(string: $0.url) }.map { "\($0.host ?? "?"):\($0.port ?? 0)" }
        let services = ConsoleServices(
            push: PushService(client: backend.client, store: backend.store),
            pacer: CreatePacer(perMinute: backend.isSimulator ? nil : 30),
            inboxAddress: inboxAddress, relay: backend.relay,
            deliveries: { [inbox = backend.inbox] in inbox?.recordedCount ?? 0 })
        let driver = ConsoleDriver(state: state, services: services, mailbox: mailbox)
        let driverTask = Task { await driver.run() }
        defer { driverTask.cancel() }
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, Error>) in
            let thread = Thread {
                let screen: TerminalScreen
                do { screen = try TerminalScreen(noColor: options.noColor) } catch {
                    mailbox.stop()
                    done.resume(throwing: error)
                    return
                }
                screen.run(mailbox: mailbox, keyTimeoutMs: 10) { event in
                    switch event {
                    case .key(let key): driver.send(.key(key))
                    case .resize(let w, let h): driver.send(.resize(width: w, height: h))
                    case .terminate: driver.finish()
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
