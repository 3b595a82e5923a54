import ConsoleCore
import Domain
import Foundation
import Terminal
import XRPLTx
import XummPlatform

/// Owns the console's state: applies every `Msg` in arrival order through `ConsoleCore.update`,
/// interprets the returned `Cmd`s with the real services, and hands frames to the terminal thread,
/// at most one per `frameInterval`.
public actor ConsoleDriver {
    public private(set) var state: ConsoleState
    private let services: ConsoleServices
    private let mailbox: FrameMailbox
    private let queue = MessageQueue<Envelope>()
    /// Resumed when the console quits, to end ``run()``.
    private var finished: CheckedContinuation<Void, Never>?
    private var dirty = true
    private var bulkTask: Task<Void, Never>?
    /// Sends `.tick` once a second until the console quits.
    private var ticker: Task<Void, Never>?
    private var followers: [String: Task<Void, Never>] = [:]
    private var lastFrame = ContinuousClock.now - .seconds(1)
    private var frameScheduled = false
    /// Status events applied since the last frame: when each arrived and when it was applied.
    private var unshownEvents: [FrameReport.Event] = []
    /// Called after each drawn frame (for the loop benchmark).
    private let onFrame: (@Sendable (FrameReport) -> Void)?
    public static let frameInterval: Duration = .milliseconds(16)
    private let executor = ConsoleThreadExecutor(name: "pushdesk.console")
    /// The driver runs on a thread of its own (see ``ConsoleThreadExecutor``).
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// A message, and for a status-stream change the time its event arrived.
    struct Envelope: Sendable {
        let msg: Msg
        var eventReceivedAt: ContinuousClock.Instant? = nil
    }

    /// What one drawn frame showed for the first time.
    public struct FrameReport: Sendable {
        /// When building the frame began (after the wait for its 16 ms slot).
        public let startedAt: ContinuousClock.Instant
        /// When the frame was handed to the terminal thread.
        public let postedAt: ContinuousClock.Instant
        /// The status events this frame is the first to show.
        public let events: [Event]

        /// One status event on its way to the screen.
        public struct Event: Sendable {
            /// When it arrived from the status stream (before it was stored).
            public let receivedAt: ContinuousClock.Instant
            /// When the driver applied it to the state.
            public let appliedAt: ContinuousClock.Instant
        }
    }

    public init(state: ConsoleState, services: ConsoleServices, mailbox: FrameMailbox,
                onFrame: (@Sendable (FrameReport) -> Void)? = nil) {
        self.state = state
        self.services = services
        self.mailbox = mailbox
        self.onFrame = onFrame
    }

    /// Queues a message from any thread; messages are applied in the order they are sent.
    public nonisolated func send(_ msg: Msg) { messageSender(msg) }

    /// Starts a push exactly as a confirmed push dialog does (the loop benchmark drives it this way).
    public func push(_ request: PushRequest) { perform(.push(request)) }

    /// Queues messages from the tasks that commands start.
    private nonisolated var messageSender: @Sendable (Msg) -> Void {
        { [weak self] msg in self?.post(Envelope(msg: msg)) }
    }

    /// Queues an envelope; if the driver is idle, starts a drain on the driver's thread.
    private nonisolated func post(_ envelope: Envelope) {
        guard queue.append(envelope) else { return }
        Task(executorPreference: executor) { await self.drain() }
    }

    /// Reads a value out of the state without copying it out of the actor.
    public func inspect<T: Sendable>(_ read: (ConsoleState) -> T) -> T { read(state) }

    /// Processes messages until the console quits. Loads the initial data first.
    public func run() async {
        services.attach(send: messageSender)
        await start()
        queue.open()
        drain()
        if !state.quitRequested {
            await withCheckedContinuation { finished = $0 }
        }
        bulkTask?.cancel()
        ticker?.cancel()
        for t in followers.values { t.cancel() }
        mailbox.stop()
    }

    /// Applies every queued message, in order, until the queue is empty or the console quits.
    private func drain() {
        while let batch = queue.takeAll() {
            for envelope in batch {
                if onFrame != nil, let at = envelope.eventReceivedAt { unshownEvents.append(.init(receivedAt: at, appliedAt: .now)) }
                apply(envelope.msg)
                if state.quitRequested {
                    queue.close()
                    finished?.resume()
                    finished = nil
                    return
                }
            }
        }
    }

    /// Ends the message loop (e.g. on SIGTERM).
    public nonisolated func finish() { send(.key(.ctrl("c"))) }

    private func start() async {
        if let templates = try? services.templates() { send(.templatesLoaded(templates)) }
        perform(.loadUsers)
        let payloads = (try? await services.push.store.payloads(limit: 500)) ?? []
        send(.payloadsLoaded(payloads))
        for p in payloads {
            if p.pushed == false, let link = p.deepLink, let m = QRMatrix.encode(link) { send(.qrReady(uuid: p.uuid, modules: m)) }
            if !p.isFinal { follow(p) } // re-attach payloads not yet final
        }
        if let address = services.inboxAddress { send(.inboxStatus(address: address, deliveries: services.inboxDeliveries())) }
        recoverIntents()
        ticker = Task {
            while !Task.isCancelled {
                self.post(Envelope(msg: .tick(Date())))
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    private func apply(_ msg: Msg) {
        let cmds = ConsoleCore.update(&state, msg)
        for cmd in cmds { perform(cmd) }
        dirty = true
        scheduleFrame()
    }

    // MARK: Frames

    /// Draws at once when a frame interval has passed, else arms one timer for the rest of it.
    /// The clock is checked on every message, not left to the timer alone: during a burst the
    /// message loop keeps the actor busy and the timer's turn would come only after the burst.
    private func scheduleFrame() {
        guard dirty else { return }
        let wait = Self.frameInterval - (ContinuousClock.now - lastFrame)
        if wait <= .zero {
            drawNow()
        } else if !frameScheduled {
            frameScheduled = true
            // On the driver's thread from the start, so the wake-up does not queue in the cooperative pool.
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
        guard let onFrame else { return }
        // Timed after the view is built: the latency includes rendering.
        onFrame(FrameReport(startedAt: started, postedAt: .now, events: unshownEvents))
        unshownEvents.removeAll(keepingCapacity: true)
    }

    // MARK: Commands

    private func perform(_ cmd: Cmd) {
        let send = messageSender
        let services = self.services
        switch cmd {
        case .loadUsers:
            Task.detached {
                do { send(.usersLoaded(try await services.push.store.allUsers())) }
                catch { send(.error("cannot load users: \(error)")) }
            }
        case .preflight(let tokens):
            Task.detached {
                do { send(.tokensVerified(try await services.push.verify(tokens: tokens))) }
                catch { send(.error("token check failed: \(PushRefusal.operatorMessage(for: error)) — the push will still create the payload")) }
            }
        case .verifyTokens(let tokens):
            Task.detached {
                do {
                    let result = try await services.push.verify(tokens: tokens)
                    send(.tokensVerified(result))
                    send(.usersLoaded(try await services.push.store.allUsers()))
                    let dead = result.values.filter { !$0 }.count
                    send(.notice("verified \(result.count) token(s): \(result.count - dead) active, \(dead) inactive"))
                } catch { send(.error("verify failed: \(PushRefusal.operatorMessage(for: error))")) }
            }
        case .push(let request):
            startPush(request)
        case .cancel(let uuid):
            Task.detached {
                do {
                    let reason = try await services.push.cancel(uuid: uuid)
                    if reason == .ok { send(.notice("payload \(uuid.prefix(8)) cancelled")) }
                    else { send(.error("\(reason.rawValue): \(reason.explanation)")) }
                } catch { send(.error("cancel failed: \(PushRefusal.operatorMessage(for: error))")) }
            }
        case .openEditor(let text):
            mailbox.perform { screen in
                screen.suspend()
                let edited = ExternalEditor.edit(text)
                screen.resume()
                send(.editorFinished(edited))
            }
        case .stopBulk:
            bulkTask?.cancel()
        case .quit:
            mailbox.stop()
        }
    }

    /// One payload per token; paced by the rate limit; stoppable.
    private func startPush(_ request: PushRequest) {
        let services = self.services
        let send = messageSender
        // Only the names the push needs: capturing `state.users` itself would make the next change
        // to it copy every known user (100,000 of them: tens of milliseconds on the driver's thread).
        var names: [String: String] = [:]
        for token in request.userTokens { if let name = state.users.user(token: token)?.name { names[token] = name } }
        bulkTask?.cancel()
        bulkTask = Task.detached { [weak self] in
            let isBulk = request.userTokens.count > 1
            var progress = BulkProgress(done: 0, total: request.userTokens.count,
                                        outcomes: Dictionary(uniqueKeysWithValues: request.userTokens.map { ($0, .pending) }))
            if isBulk { send(.bulkProgress(progress)) }
            let tokens: [String?] = request.userTokens.isEmpty ? [nil] : request.userTokens
            for token in tokens {
                if Task.isCancelled {
                    for t in request.userTokens where progress.outcomes[t] == .pending { progress.outcomes[t] = .skipped }
                    break
                }
                await services.pacer.waitForSlot(rateLimit: services.push.client.rateLimit)
                let spec = PushRequestSpec(txjsonText: request.txjsonText, userToken: token,
                                           userName: token.flatMap { names[$0] }, expireMinutes: request.expireMinutes,
                                           instruction: request.instruction)
                do {
                    let record = try await services.push.create(spec)
                    send(.payloadUpserted(record))
                    if let token, let user = try? await services.push.store.user(token: token) { send(.userUpdated(user)) }
                    if record.pushed == false, let link = record.deepLink, let m = QRMatrix.encode(link) {
                        send(.qrReady(uuid: record.uuid, modules: m))
                    }
                    if !isBulk {
                        send(record.pushed == false
                            ? .error("not pushed — token expired or revoked: show the QR / deep link \(record.deepLink ?? "")")
                            : .notice("pushed ✓ \(record.transactionType) to \(spec.userName ?? "user")"))
                    }
                    if let token { progress.outcomes[token] = record.pushed == true ? .pushed : .notPushed }
                    await self?.follow(record)
                } catch {
                    if let token { progress.outcomes[token] = .failed }
                    send(.error("push failed: \(PushRefusal.operatorMessage(for: error))"))
                    if case XummError.rateLimited = error { await services.pacer.backOff() }
                }
                progress.done += 1
                if isBulk { send(.bulkProgress(progress)) }
            }
            progress.finished = true
            if isBulk { send(.bulkProgress(progress)) }
        }
    }

    /// Takes in pushes a stopped process created but never saved, and follows them.
    private func recoverIntents() {
        let services = self.services
        let send = messageSender
        Task.detached { [weak self] in
            let records = await services.push.recoverIntents()
            for record in records {
                send(.payloadUpserted(record))
                if record.pushed == false, let link = record.deepLink, let m = QRMatrix.encode(link) { send(.qrReady(uuid: record.uuid, modules: m)) }
                await self?.follow(record)
            }
            if !records.isEmpty { send(.notice("took in \(records.count) push(es) created just before the last stop")) }
        }
    }

    private func follow(_ record: PayloadRecord) {
        guard followers[record.uuid] == nil, !record.isFinal else { return }
        let services = self.services
        let uuid = record.uuid
        followers[uuid] = Task.detached { [weak self] in
            _ = await services.push.follow(record) { [weak self] change in
                switch change {
                case .progressed(let record, let receivedAt):
                    self?.post(Envelope(msg: .payloadUpserted(record), eventReceivedAt: receivedAt))
                case .userRenewed(let user):
                    self?.post(Envelope(msg: .userUpdated(user)))
                }
            }
            await self?.followerDone(uuid)
        }
    }

    private func followerDone(_ uuid: String) { followers[uuid] = nil }
}

