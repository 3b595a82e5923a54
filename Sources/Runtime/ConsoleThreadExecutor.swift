import Dispatch
import Foundation
import Synchronization

/// A serial executor with a thread of its own, for the console driver.
///
/// On the shared cooperative pool (one thread per core: two here) the driver's next message can
/// wait behind a queue of status-stream tasks decoding JSON; a burst of a thousand resolving
/// payloads then delays frames by tens of milliseconds. On its own thread, which sleeps until a
/// job arrives, the driver is woken by the OS scheduler as soon as something is sent to it.
/// The thread, and so the executor it holds, lives as long as the process: a task may still enqueue
/// a job on the actor after the console has quit, and that job must find a thread to run on.
final class ConsoleThreadExecutor: SerialExecutor {
    private let jobs = Mutex<[UnownedJob]>([])
    private let ready = DispatchSemaphore(value: 0)

    init(name: String) {
        let thread = Thread { [self] in
            while true {
                ready.wait()
                guard let job = jobs.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) else { continue }
                job.runSynchronously(on: self.asUnownedSerialExecutor())
            }
        }
        thread.name = name
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        jobs.withLock { $0.append(unowned) }
        ready.signal()
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor { UnownedSerialExecutor(ordinary: self) }
}
