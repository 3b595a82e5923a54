import Dispatch
import Foundation
import Synchronization

/// A serial executor with a thread of its own, for the console driver; also a task executor and a
/// timer, so nothing on the way from a status event to the screen waits in the cooperative pool.
///
/// On the shared cooperative pool (one thread per core: two here) the driver's next message can
/// wait behind a queue of status-stream tasks decoding JSON; a burst of a thousand resolving
/// payloads then delays frames by tens of milliseconds. On its own thread, which sleeps until a
/// job or a timer is due, the driver is woken by the OS scheduler as soon as something is sent to
/// it. `Task.sleep` would fire through the pool too, so frame timers are kept here.
/// The thread, and so the executor it holds, lives as long as the process: a task may still enqueue
/// a job on the actor after the console has quit, and that job must find a thread to run on.
final class ConsoleThreadExecutor: SerialExecutor, TaskExecutor {
    private struct Timer {
        let deadline: DispatchTime
        let action: @Sendable () -> Void
    }
    private struct Work {
        var jobs: [UnownedJob] = []
        var timers: [Timer] = []
    }
    private let work = Mutex(Work())
    private let ready = DispatchSemaphore(value: 0)

    init(name: String) {
        let thread = Thread { [self] in
            while true {
                let next = work.withLock { $0.timers.map(\.deadline).min() }
                if let next { _ = ready.wait(timeout: next) } else { ready.wait() }
                for timer in dueTimers() { timer.action() }
                guard let job = work.withLock({ $0.jobs.isEmpty ? nil : $0.jobs.removeFirst() }) else { continue }
                job.runSynchronously(on: self.asUnownedSerialExecutor())
            }
        }
        thread.name = name
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        work.withLock { $0.jobs.append(unowned) }
        ready.signal()
    }

    /// Runs `action` on this thread once `delay` has passed.
    func schedule(after delay: Duration, _ action: @escaping @Sendable () -> Void) {
        let nanoseconds = max(0, delay.components.seconds * 1_000_000_000 + delay.components.attoseconds / 1_000_000_000)
        work.withLock { $0.timers.append(Timer(deadline: .now() + .nanoseconds(Int(nanoseconds)), action: action)) }
        ready.signal()
    }

    private func dueTimers() -> [Timer] {
        work.withLock { w in
            guard !w.timers.isEmpty else { return [] }
            let now = DispatchTime.now()
            let due = w.timers.filter { $0.deadline <= now }
            if !due.isEmpty { w.timers.removeAll { $0.deadline <= now } }
            return due
        }
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor { UnownedSerialExecutor(ordinary: self) }

    /// Also a task executor, so a task can start on this thread (the driver's message drains do)
    /// instead of passing through the cooperative pool first.
    func asUnownedTaskExecutor() -> UnownedTaskExecutor { UnownedTaskExecutor(ordinary: self) }
}
