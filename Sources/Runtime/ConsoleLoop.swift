import ConsoleCore
import Foundation
import Terminal

/// The console's message loop: applies every `Msg` in arrival order through `ConsoleCore.update`,
/// hands each returned `Cmd` to the ``CommandInterpreter``, and draws frames into the terminal's
/// mailbox: at once when none was drawn in the last ``frameInterval``, else at the end of that slot.
public actor ConsoleLoop {
    public private(set) var state: ConsoleState
    private let interpreter: CommandInterpreter
    private let events: MessageRelay
    private let mailbox: FrameMailbox
    private let observer: (any FrameObserver)?
    private let queue = MessageQueue<Envelope>()
    /// Resumed when the console quits, to end ``run()``.
    private var finished: CheckedContinuation<Void, Never>?
    private var ticker: Task<Void, Never>?
    private var dirty = true
    private var lastFrame = ContinuousClock.now - .seconds(1)
    private var frameScheduled = false
    /// Status events applied since the last frame: when each arrived and when it was applied.
    private var unshownEvents: [FrameReport.Event] = []
    /// At most one frame per 8 ms. A frame costs about 0.2 ms to build and the terminal thread draws
    /// only the newest one it finds (older ones are dropped), so a shorter slot costs little; with a
    /// 16 ms slot a status event arriving during a burst waited up to 16 ms for its frame.
    public static let frameInterval: Duration = .milliseconds(8)
    private let executor = ConsoleThreadExecutor(name: "pushdesk.console")
    /// The loop runs on a thread of its own (see ``ConsoleThreadExecutor``).
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// A message, and for a status event the time it arrived.
    struct Envelope: Sendable {
        let msg: Msg
        var eventReceivedAt: ContinuousClock.Instant?
    }

    public init(state: ConsoleState, services: Services, mailbox: FrameMailbox, observer: (any FrameObserver)? = nil) {
        self.state = state
        self.mailbox = mailbox
        self.observer = observer
        self.events = services.events
        self.interpreter = CommandInterpreter(services: services, mailbox: mailbox)
    }

    /// Queues a message from any thread; messages are applied in the order they are sent.
    public nonisolated func send(_ msg: Msg) { post(Envelope(msg: msg)) }

    /// Queues an envelope; if the loop is idle, starts a drain on the loop's thread.
    private nonisolated func post(_ envelope: Envelope) {
        guard queue.append(envelope) else { return }
        Task(executorPreference: executor) { await self.drain() }
    }

    /// Reads a value out of the state without copying it out of the actor.
    public func inspect<T: Sendable>(_ read: (ConsoleState) -> T) -> T { read(state) }

    /// Carries out a command as if `update` had returned it (the loop benchmark starts its bulk push so).
    public func perform(_ cmd: Cmd) { interpreter.perform(cmd) }

    /// Ends the message loop (e.g. on SIGTERM), as Ctrl-C would.
    public nonisolated func finish() { send(.key(.ctrl("c"))) }

    /// Processes messages until the console quits; `.started` comes first and asks for the loads.
    public func run() async {
        let sink = MessageSink { [weak self] msg, receivedAt in self?.post(Envelope(msg: msg, eventReceivedAt: receivedAt)) }
        interpreter.connect(sink)
        events.attach(sink.send)
        ticker = Task { [weak self] in
            while !Task.isCancelled {
                self?.send(.tick(Date()))
                try? await Task.sleep(for: .seconds(1))
            }
        }
        apply(.started)
        queue.open()
        drain()
        if !state.quitRequested {
            await withCheckedContinuation { finished = $0 }
        }
        ticker?.cancel()
        await interpreter.stopAll()
        mailbox.stop()
    }

    /// Applies every queued message, in order, until the queue is empty or the console quits; one
    /// frame decision per batch, so a burst of events is drawn together.
    private func drain() {
        while let batch = queue.takeAll() {
            for envelope in batch {
                if observer != nil, let at = envelope.eventReceivedAt { unshownEvents.append(.init(receivedAt: at, appliedAt: .now)) }
                apply(envelope.msg)
                if state.quitRequested {
                    queue.close()
                    finished?.resume()
                    finished = nil
                    return
                }
            }
            scheduleFrame()
        }
    }

    private func apply(_ msg: Msg) {
        for cmd in ConsoleCore.update(&state, msg) { interpreter.perform(cmd) }
        dirty = true
    }

    // MARK: Frames

    /// Draws at once when a frame interval has passed (leading edge), else arms one timer for the
    /// end of the slot (trailing edge). Checked after every batch, not left to the timer alone:
    /// during a burst the loop keeps the actor busy and the timer's turn would come late.
    private func scheduleFrame() {
        guard dirty else { return }
        let wait = Self.frameInterval - (ContinuousClock.now - lastFrame)
        if wait <= .zero {
            drawNow()
        } else if !frameScheduled {
            frameScheduled = true
            // On the loop's thread from the start, so the wake-up does not queue in the cooperative pool.
            executor.schedule(after: wait) { [executor] in
                Task(executorPreference: executor) { await self.frameTimer() }
            }
        }
    }

    private func frameTimer() {
        frameScheduled = false
        drawNow()
    }

    private func drawNow() {
        guard dirty else { return }
        dirty = false
        let started = ContinuousClock.now
        lastFrame = started
        mailbox.post(ConsoleCore.view(state, width: state.width, height: state.height))
        guard let observer else { return }
        // Timed after the view is built: the latency includes rendering.
        observer.frameDrawn(FrameReport(startedAt: started, postedAt: .now, events: unshownEvents))
        unshownEvents.removeAll(keepingCapacity: true)
    }
}
