import ConsoleCore

extension TerminalScreen {
    /// The terminal thread's loop: runs queued jobs, draws the newest posted frame, reads keys
    /// (waiting at most `keyTimeoutMs`), and reports events to `onEvent` — all on the calling thread.
    /// Returns when `mailbox.stop()` is called or after reporting `.terminate`.
    public func run(mailbox: FrameMailbox, keyTimeoutMs: Int32 = 10, onEvent: (TerminalEvent) -> Void) {
        var lastSize = size
        onEvent(.resize(width: lastSize.width, height: lastSize.height))
        while !mailbox.isStopped {
            let (frame, jobs) = mailbox.take()
            for job in jobs { job(self) }
            if let frame { draw(frame) }
            if let sig = takeTerminationSignal() {
                onEvent(.terminate(signal: sig))
                return
            }
            guard let key = readKey(timeoutMs: keyTimeoutMs) else { continue }
            if key == .resize {
                let now = size
                do {
                    lastSize = now
                    invalidate()
                    onEvent(.resize(width: now.width, height: now.height))
                }
                continue
            }
            onEvent(.key(key))
        }
    }
}
