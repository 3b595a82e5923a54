import ConsoleCore
import Domain
import Foundation
import Store
import Synchronization

/// Follows the store's change feed for the console (`Cmd.followStore`): loads what other processes
/// changed (this handle's own changes are already on screen) and reports it as `.storeChanged`, and
/// reports `.storeReachability` when the store stops or starts answering.
final class StoreFeedFollower: Sendable {
    private let store: any PushDeskStore
    /// Payloads this process follows itself: their changes come from their follower, sooner.
    private let isFollowed: @Sendable (String) -> Bool
    private let task = Mutex<Task<Void, Never>?>(nil)
    /// How far before the newest change the feed starts: the start-up loads and the first read of
    /// the feed's position are not one snapshot, so the feed re-reads a little (merges are idempotent).
    static let startOverlap: Int64 = 200

    init(store: any PushDeskStore, isFollowed: @escaping @Sendable (String) -> Bool) {
        self.store = store
        self.isFollowed = isFollowed
    }

    func start(out: MessageSink) {
        let store = self.store, isFollowed = self.isFollowed
        let reachable = Reachability(out: out)
        let follower = Task.detached {
            var start: Int64?
            while start == nil, !Task.isCancelled {
                do { start = try await store.latestChangeNumber(); reachable.report(nil) } catch {
                    reachable.report(error)
                    try? await Task.sleep(for: .seconds(2))
                }
            }
            guard let start else { return }
            let feed = store.changeFeed(after: max(0, start - Self.startOverlap)) { error in reachable.report(error) }
            // Rows that could not be loaded (the store went down mid-batch) are loaded with the next batch.
            var unread: [NumberedChange] = []
            for await batch in feed {
                let (update, failed) = await Self.load(unread + batch, from: store, skipping: isFollowed)
                unread = failed
                if !update.payloads.isEmpty || !update.users.isEmpty || !update.forgottenUsers.isEmpty { out.send(.storeChanged(update)) }
            }
        }
        let old = task.withLock { t in defer { t = follower }; return t }
        old?.cancel()
    }

    func stop() { task.withLock { $0 }?.cancel() }

    /// Loads the rows a batch names, once each, as stored now: other handles' payload and user changes.
    /// - Returns: the update, and the changes whose rows could not be read.
    static func load(_ batch: [NumberedChange], from store: any PushDeskStore,
                     skipping isFollowed: (String) -> Bool) async -> (StoreUpdate, failed: [NumberedChange]) {
        let origin = store.changeOrigin
        var payloadKeys: [String] = [], userKeys: [String] = []
        var seenPayloads = Set<String>(), seenUsers = Set<String>()
        for c in batch where c.origin != origin {
            switch c.change {
            case .payload(let uuid): if !isFollowed(uuid), seenPayloads.insert(uuid).inserted { payloadKeys.append(uuid) }
            case .user(let token): if seenUsers.insert(token).inserted { userKeys.append(token) }
            case .audit, .delivery: break
            }
        }
        var update = StoreUpdate()
        var failed: [NumberedChange] = []
        for uuid in payloadKeys {
            do {
                if let p = try await store.payload(uuid: uuid) { update.payloads.append(p) }
            } catch {
                failed.append(NumberedChange(number: 0, change: .payload(uuid)))
            }
        }
        for token in userKeys {
            do {
                if let user = try await store.user(token: token) { update.users.append(user) } else { update.forgottenUsers.append(token) }
            } catch {
                failed.append(NumberedChange(number: 0, change: .user(token)))
            }
        }
        return (update, failed)
    }

    /// Reports the store's reachability when it changes, not on every read.
    private final class Reachability: Sendable {
        let out: MessageSink
        let wasUp = Mutex<Bool?>(nil)
        init(out: MessageSink) { self.out = out }
        func report(_ error: (any Error)?) {
            let up = error == nil
            let previous = wasUp.withLock { w in defer { w = up }; return w }
            // The first answer at start says nothing new: the console assumes the store answers.
            if previous == up || (previous == nil && up) { return }
            out.send(.storeReachability(error.map(Failure.init)))
        }
    }
}
