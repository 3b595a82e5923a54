import ConsoleCore
import Synchronization

/// The thread-safe hand-off between the Runtime (any task/thread) and the terminal thread.
/// Other tasks `post` frames and `perform` jobs; `TerminalScreen.run` drains them on its thread.
/// Only the newest posted frame is drawn (older ones are dropped: coalescing for free).
public final class FrameMailbox: Sendable {
    /// Work to run on the terminal thread with the screen (e.g. suspend, run `$EDITOR`, resume).
    public typealias Job = @Sendable (TerminalScreen) -> Void

    private struct Box: ~Copyable {
        var frame: Buffer?
        var jobs: [Job] = []
        var stopped = false
    }
    private let box = Mutex(Box())

    public init() {}

    /// Replaces the pending frame.
    public func post(_ frame: Buffer) { box.withLock { $0.frame = frame } }

    /// Queues a job for the terminal thread.
    public func perform(_ job: @escaping Job) { box.withLock { $0.jobs.append(job) } }

    /// Makes `run` return after its current iteration.
    public func stop() { box.withLock { $0.stopped = true } }

    /// True once ``stop()`` was called.
    public var isStopped: Bool { box.withLock { $0.stopped } }

    func take() -> (Buffer?, [Job]) {
        box.withLock { b in
            let out = (b.frame, b.jobs)
            b.frame = nil
            b.jobs = []
            return out
        }
    }
}
