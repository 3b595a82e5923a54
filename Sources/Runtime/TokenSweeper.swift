import ConsoleCore
import Domain
import Foundation
import Store
import Synchronization
import XummPlatform

/// Carries out `Cmd.sweepTokens`: every known token checked with `POST /user-tokens`, a batch at a
/// time, with the answers recorded in the store. Pushes come first: the sweep waits while the rate
/// limit's remaining calls are down to ``reserve(limit:)``, and spaces its own calls by `pause`.
/// Reports each user whose stored state changed (`.userUpdated`), a token newly found inactive as
/// an audit entry, and the end as `.tokenSweepFinished`.
final class TokenSweeper: Sendable {
    /// Tokens per call (the platform's maximum).
    static let batchSize = 50

    /// Calls left in the window below which the sweep waits: a quarter of the limit, at least 10.
    static func reserve(limit: Int?) -> Int { max(10, (limit ?? 60) / 4) }

    private let operations: PushService
    private let pause: Duration
    private let running = Mutex<Task<Void, Never>?>(nil)

    init(operations: PushService, pause: Duration) {
        self.operations = operations
        self.pause = pause
    }

    /// Starts a sweep over `tokens`, unless one is running.
    func start(_ tokens: [String], out: MessageSink) {
        let operations = self.operations
        let pause = self.pause
        running.withLock { task in
            if let task, !task.isCancelled { return }
            task = Task.detached { [weak self] in
                let report = await Self.sweep(tokens, operations: operations, pause: pause, out: out)
                if !Task.isCancelled { out.send(.tokenSweepFinished(report)) }
                self?.running.withLock { $0 = nil }
            }
        }
    }

    func stop() { running.withLock { $0?.cancel() } }

    private static func sweep(_ tokens: [String], operations: PushService, pause: Duration, out: MessageSink) async -> TokenSweepReport {
        let store = operations.store
        var report = TokenSweepReport(checked: 0)
        var start = 0
        while start < tokens.count, !Task.isCancelled {
            let batch = Array(tokens[start..<min(start + batchSize, tokens.count)])
            start += batch.count
            // Leave the rest of the window to pushes.
            while !Task.isCancelled, let remaining = operations.client.rateLimit.remaining,
                  remaining <= reserve(limit: operations.client.rateLimit.limit) {
                try? await Task.sleep(for: .seconds(5))
            }
            if Task.isCancelled { break }
            do {
                var before: [String: KnownUser] = [:]
                for token in batch { before[token] = try await store.user(token: token) }
                let answers = try await operations.verify(tokens: batch)
                report.checked += batch.count
                for token in batch {
                    guard let after = try await store.user(token: token), after != before[token] else { continue }
                    out.send(.userUpdated(after))
                    if answers[token] == false, before[token]?.verifiedActive != false {
                        let name = after.name ?? Shorten.middle(token, keep: 4)
                        report.newlyInactive.append(name)
                        try? await store.audit(action: "token.inactive", actor: operations.operatorName,
                                               detail: "\(token) \(name) active=false", at: Date())
                    }
                }
            } catch {
                report.failure = Failure(error)
                break
            }
            if start < tokens.count { try? await Task.sleep(for: pause) }
        }
        return report
    }
}
