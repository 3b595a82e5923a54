import Store

/// Group commit: deliveries that arrive while a commit is in flight are committed together in the
/// next transaction. Each caller resumes only after the transaction holding its delivery committed,
/// so a 2xx is never sent for an uncommitted delivery.
actor WebhookCommitter {
    private let store: PushDeskStore
    private var pending: [(WebhookIngest, CheckedContinuation<Bool, any Error>)] = []
    private var draining = false
    private let maxBatch: Int

    init(store: PushDeskStore, maxBatch: Int = 256) {
        self.store = store
        self.maxBatch = maxBatch
    }

    /// Commits `item` (possibly with others) and returns whether it was new.
    func submit(_ item: WebhookIngest) async throws -> Bool {
        try await withCheckedThrowingContinuation { continuation in
            pending.append((item, continuation))
            if !draining {
                draining = true
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        while !pending.isEmpty {
            let batch = Array(pending.prefix(maxBatch))
            pending.removeFirst(batch.count)
            do {
                let results = try await store.ingestWebhooks(batch.map(\.0))
                for (entry, result) in zip(batch, results) { entry.1.resume(with: result) }
            } catch {
                for entry in batch { entry.1.resume(throwing: error) }
            }
        }
        draining = false
    }
}
