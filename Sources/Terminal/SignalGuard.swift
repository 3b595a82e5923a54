import CNcursesw
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Process-wide signal handling for the terminal. Handlers only touch atomics, `write(2)`, `endwin`
/// (fatal path only, best effort) and `raise`.
enum SignalGuard {
    /// True while curses owns the terminal.
    static let active = Atomic<Bool>(false)
    /// Last termination signal received (SIGINT/SIGTERM/SIGHUP), 0 = none.
    static let pending = Atomic<Int32>(0)
    private static let installed = Atomic<Bool>(false)

    static let terminationSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    static let fatalSignals: [Int32] = [SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE, SIGTRAP]

    /// Installs handlers and an atexit hook once per process.
    static func install() {
        guard installed.compareExchange(expected: false, desired: true, ordering: .sequentiallyConsistent).exchanged else { return }
        // Touch the atomics so their lazy initialisation never happens inside a handler.
        _ = active.load(ordering: .relaxed); _ = pending.load(ordering: .relaxed)
        for sig in terminationSignals {
            signal(sig) { s in SignalGuard.pending.store(s, ordering: .sequentiallyConsistent) }
        }
        for sig in fatalSignals {
            signal(sig) { s in
                SignalGuard.emergencyRestore()
                signal(s, SIG_DFL)
                raise(s)
            }
        }
        signal(SIGPIPE, SIG_IGN)
        atexit { SignalGuard.emergencyRestore() }
    }

    /// Leaves curses mode if it is active; safe to call repeatedly.
    static func emergencyRestore() {
        guard active.exchange(false, ordering: .sequentiallyConsistent) else { return }
        TerminalScreen.disableBracketedPaste()
        endwin()
    }
}
