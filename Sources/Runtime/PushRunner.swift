import ConsoleCore
import Domain
import Synchronization
import XummPlatform

/// Carries out `Cmd.push`: one payload per user token, each paced by the rate limit, stoppable.
/// Reports each payload as `.pushCreated` or `.pushFailed`, and a bulk push's `.bulkProgress`.
final class PushRunner: Sendable {
    private let operations: PushService
    private let pacer: CreatePacer
    private let running = Mutex<Task<Void, Never>?>(nil)

    init(operations: PushService, pacer: CreatePacer) {
        self.operations = operations
        self.pacer = pacer
    }

    /// Starts the push, stopping one still running.
    func start(_ request: PushRequest, out: MessageSink) {
        let operations = self.operations
        let pacer = self.pacer
        let task = Task.detached {
            await Self.run(request, operations: operations, pacer: pacer, out: out)
        }
        running.withLock { old in
            old?.cancel()
            old = task
        }
    }

    /// Stops the running push; its progress reports the rest as skipped.
    func stop() { running.withLock { $0?.cancel() } }

    /// Intents recorded per commit in a bulk push.
    static let intentChunk = 32

    private static func spec(_ request: PushRequest, token: String?) -> PushRequestSpec {
        PushRequestSpec(transaction: request.transaction, userToken: token,
                        userName: token.flatMap { request.userNames[$0] },
                        expireMinutes: request.expireMinutes, instruction: request.instruction)
    }

    private static func run(_ request: PushRequest, operations: PushService, pacer: CreatePacer, out: MessageSink) async {
        let isBulk = request.userTokens.count > 1
        var progress = BulkProgress(done: 0, total: request.userTokens.count,
                                    outcomes: Dictionary(request.userTokens.map { ($0, .pending) }) { a, _ in a })
        if isBulk { out.send(.bulkProgress(progress)) }
        let tokens: [String?] = request.userTokens.isEmpty ? [nil] : request.userTokens
        // A bulk push records its intents a chunk at a time (one commit per chunk, not per push).
        var chunk: [PreparedPush] = []
        var next = 0
        for (index, token) in tokens.enumerated() {
            if Task.isCancelled { break }
            await pacer.waitForSlot(rateLimit: operations.client.rateLimit)
            // A stop while waiting for the slot: nothing more is created.
            if Task.isCancelled { break }
            do {
                let push: PreparedPush
                var recorded = false
                if isBulk {
                    if next == chunk.count {
                        let prepared = try tokens[index..<min(index + Self.intentChunk, tokens.count)].map { t in
                            try operations.prepare(spec(request, token: t))
                        }
                        try await Task { try await operations.recordIntents(prepared) }.value
                        chunk = prepared
                        next = 0
                    }
                    push = chunk[next]
                    next += 1
                    recorded = true
                } else {
                    push = try operations.prepare(spec(request, token: token))
                }
                // A stop does not reach into a create once begun: it finishes (saved, or refused) or
                // it would leave a payload on the phone that the store never hears of until restart.
                let record = try await Task { [recorded] in try await operations.create(push, intentRecorded: recorded) }.value
                out.send(.pushCreated(record, bulk: isBulk))
                if let token { progress.outcomes[token] = record.pushed == true ? .pushed : .notPushed }
            } catch {
                if let token { progress.outcomes[token] = .failed }
                out.send(.pushFailed(userToken: token, Failure(error)))
                if case XummError.rateLimited = error { await pacer.backOff() }
            }
            progress.done += 1
            if isBulk { out.send(.bulkProgress(progress)) }
        }
        // Intents recorded for pushes a stop left uncreated.
        if next < chunk.count {
            let unused = Array(chunk[next...])
            // Not cancelled with the push: the stop is what makes these intents stale.
            await Task.detached { try? await operations.dropIntents(unused) }.value
        }
        for t in request.userTokens where progress.outcomes[t] == .pending { progress.outcomes[t] = .skipped }
        progress.finished = true
        if isBulk { out.send(.bulkProgress(progress)) }
    }
}
