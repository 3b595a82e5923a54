import Foundation
import Logging
import NIOCore
import WSClient

/// What a status stream reports, in order; the last element is always `.final`.
public enum StatusStreamEvent: Sendable, Equatable {
    /// The websocket is open (attempt 1 is the first connection).
    case connected(attempt: Int)
    /// A message from the platform (pongs are not reported).
    case message(StatusMessage)
    /// The socket dropped or went silent; a reconnect follows.
    case disconnected(reason: String)
    /// The payload as fetched after a reconnect (the server does not replay what was missed).
    case caughtUp(XummPayload)
    /// The authoritative end state, from `GET /payload/{uuid}`.
    case final(PayloadFinalState)
    /// No final state could be fetched: the stream gave up.
    case failed(String)
}

/// Follows one payload's status websocket until it resolves: keepalive pings, silence detection,
/// bounded reconnects with a catch-up GET after each, and one final GET for the authoritative result
/// (the websocket's `signed` is never trusted alone).
public struct PayloadStatusStream: Sendable {
    public struct Settings: Sendable {
        /// How often `{"ping":true}` is sent.
        public var pingInterval: Duration = .seconds(3)
        /// Silence after which the socket is treated as dead.
        public var silenceTimeout: Duration = .seconds(10)
        /// Reconnects before giving up.
        public var maxReconnects: Int = 8
        /// First backoff; doubles up to `maxBackoff`.
        public var initialBackoff: Duration = .milliseconds(250)
        public var maxBackoff: Duration = .seconds(5)
        /// How long to keep listening after expiry when the user had opened the payload: the platform
        /// still accepts a signature from an app that opened it in time.
        public var openedGrace: Duration = .seconds(120)
        public init() {}
    }

    public let uuid: String
    public let websocketURL: String
    private let client: XummClient
    private let settings: Settings

    public init(client: XummClient, uuid: String, websocketURL: String, settings: Settings = Settings()) {
        self.client = client; self.uuid = uuid; self.websocketURL = websocketURL; self.settings = settings
    }

    /// The events. Cancelling the consuming task (or dropping the stream) stops the socket.
    public func events() -> AsyncStream<StatusStreamEvent> {
        AsyncStream { continuation in
            let task = Task {
                await run { continuation.yield($0) }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Follows the payload in the calling task, handing each event to `onEvent` as it arrives; returns
    /// after the last one (`.final` or `.failed`) or when the task is cancelled. Unlike ``events()``
    /// no second task sits between the socket and the consumer: under a bulk push that hop was one
    /// thread wake-up per status event.
    public func follow(_ onEvent: @escaping @Sendable (StatusStreamEvent) async -> Void) async {
        await run(onEvent)
    }

    /// Runs to the end and returns the final state (convenience for headless use).
    public func finalState() async -> StatusStreamEvent {
        var last = StatusStreamEvent.failed("cancelled")
        for await e in events() { last = e }
        return last
    }

    private enum SessionEnd: Sendable { case terminal, dropped(String) }

    /// Expired, but opened in time and not resolved: a signature may still come.
    static func mayStillBeSigned(_ p: XummPayload) -> Bool {
        p.meta.expired && p.meta.appOpened && !p.meta.resolved && !p.meta.cancelled
    }

    /// One GET per resolution moment. A terminal session (resolve message, expiry, the grace deadline)
    /// costs exactly one successful `GET /payload/{uuid}`: its answer is both the authoritative final
    /// state and the input to the "opened but expired, may still be signed" grace decision. Reconnects
    /// after a drop GET once to catch up (the server does not replay what was missed).
    private func run(_ yield: @escaping @Sendable (StatusStreamEvent) async -> Void) async {
        let out = EventOut(deliver: yield)
        var attempt = 0
        var backoff = settings.initialBackoff
        var graceUntil: ContinuousClock.Instant?
        var catchUp = false
        var pendingRounds = 0
        while !Task.isCancelled {
            attempt += 1
            if catchUp {
                catchUp = false
                // Catch up: whatever happened while disconnected is only visible through GET.
                if let p = try? await client.payload(uuid: uuid) {
                    let state = PayloadFinalState(payload: p)
                    let waitingLate = graceUntil.map { ContinuousClock.now < $0 } == true && Self.mayStillBeSigned(p)
                    if state.outcome != .pending, !waitingLate { await out.yield(.final(state)); return }
                    await out.yield(.caughtUp(p))
                }
            }
            let end = await session(attempt: attempt, until: graceUntil, out)
            if Task.isCancelled { break }
            switch end {
            case .terminal:
                guard var p = await fetchFinal(out) else { return }
                // The socket said it is over but the GET says pending: the platform's record lags its
                // own socket by a moment. Ask again a few times (rare: one GET is the normal cost).
                var lagging = 0
                while PayloadFinalState(payload: p).outcome == .pending, !Self.mayStillBeSigned(p), lagging < 5, !Task.isCancelled {
                    lagging += 1
                    try? await Task.sleep(for: .milliseconds(100 * lagging))
                    guard let again = await fetchFinal(out) else { return }
                    p = again
                }
                if PayloadFinalState(payload: p).outcome == .pending, !Self.mayStillBeSigned(p), pendingRounds < 3 {
                    // Still open on the platform: keep following it.
                    pendingRounds += 1
                    await out.yield(.caughtUp(p))
                    continue
                }
                if graceUntil == nil, settings.openedGrace > .zero, Self.mayStillBeSigned(p) {
                    // Opened in time: keep listening for a late signature. This GET was the catch-up.
                    graceUntil = .now + settings.openedGrace
                    await out.yield(.caughtUp(p))
                    continue
                }
                await out.yield(.final(PayloadFinalState(payload: p)))
                                return
            case .dropped(let reason):
                await out.yield(.disconnected(reason: reason))
                if attempt > settings.maxReconnects {
                    if let p = await fetchFinal(out) { await out.yield(.final(PayloadFinalState(payload: p))) }
                    return
                }
                try? await Task.sleep(for: backoff)
                backoff = min(backoff * 2, settings.maxBackoff)
                catchUp = true
            }
        }
            }

    /// The final GET, retried a few times when it fails. On success returns the payload (the caller
    /// yields it); after the last failure yields `.failed`, finishes the stream and returns `nil`.
    private func fetchFinal(_ out: EventOut) async -> XummPayload? {
        var lastError = "unknown"
        for i in 0..<5 {
            if Task.isCancelled { break }
            do {
                return try await client.payload(uuid: uuid)
            } catch {
                lastError = "\(error)"
                try? await Task.sleep(for: .milliseconds(200 * (i + 1)))
            }
        }
        await out.yield(.failed("could not fetch the final state: \(lastError)"))
                return nil
    }

    /// One socket. Ends on a resolve, on expiry (unless `until` is set: then only a resolve or that deadline
    /// ends it), or when the socket drops or goes silent.
    private func session(attempt: Int, until deadline: ContinuousClock.Instant?, _ out: EventOut) async -> SessionEnd {
        let outcome = Locked<SessionEnd?>(nil)
        let lastHeard = Locked(ContinuousClock.now)
        var config = WebSocketClientConfiguration()
        config.autoPing = .disabled
        if let host = URLComponents(string: websocketURL)?.host, host.first?.isNumber == false { config.sniHostname = host }
        var logger = Logger(label: "pushdesk.status")
        logger.logLevel = .critical
        let settings = self.settings
        do {
            try await WebSocketClient.connect(url: websocketURL, configuration: config, logger: logger) { inbound, outbound, _ in
                await out.yield(.connected(attempt: attempt))
                lastHeard.withLock { $0 = .now }
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        while !Task.isCancelled {
                            try await Task.sleep(for: settings.pingInterval)
                            try await outbound.write(.text(#"{"ping":true}"#))
                        }
                    }
                    group.addTask {
                        // Sleeps until the earliest moment something could be due (silence or the
                        // deadline), not on a short poll: a thousand live sockets polling every
                        // 250 ms cost thousands of wake-ups a second.
                        while !Task.isCancelled {
                            let now = ContinuousClock.now
                            if let deadline, now >= deadline {
                                outcome.withLock { $0 = $0 ?? .terminal }
                                throw CancellationError()
                            }
                            let silent = now - lastHeard.withLock { $0 }
                            if silent > settings.silenceTimeout {
                                outcome.withLock { $0 = $0 ?? .dropped("no message for \(silent.components.seconds) s") }
                                throw CancellationError()
                            }
                            var wake = now + (settings.silenceTimeout - silent) + .milliseconds(1)
                            if let deadline { wake = min(wake, deadline) }
                            try await Task.sleep(until: wake, clock: .continuous)
                        }
                    }
                    group.addTask {
                        for try await message in inbound.messages(maxSize: 1 << 20) {
                            lastHeard.withLock { $0 = .now }
                            guard case .text(let text) = message else { continue }
                            let decoded = StatusMessage.decode(text)
                            if decoded == .pong { continue }
                            await out.yield(.message(decoded))
                            // The consumer's time (a store commit) is not the socket's silence.
                            lastHeard.withLock { $0 = .now }
                            switch decoded {
                            case .resolved:
                                outcome.withLock { $0 = .terminal }
                                return
                            case .expired where deadline == nil, .expiresIn(..<0) where deadline == nil:
                                // The server keeps the socket open after `expired`: stop reading ourselves.
                                outcome.withLock { $0 = .terminal }
                                return
                            default: continue
                            }
                        }
                        outcome.withLock { $0 = $0 ?? .dropped("socket closed") }
                    }
                    _ = try await group.next()
                    group.cancelAll()
                }
                try? await outbound.close(.normalClosure, reason: nil)
            }
        } catch {
            outcome.withLock { $0 = $0 ?? .dropped(XummClient.describeTransport(error)) }
        }
        return outcome.withLock { $0 } ?? .dropped("socket closed")
    }
}

/// Where a status stream's events go, in order.
private struct EventOut: Sendable {
    let deliver: @Sendable (StatusStreamEvent) async -> Void
    func yield(_ event: StatusStreamEvent) async { await deliver(event) }
}
