/// Group commit: items submitted while a commit is in flight are committed together in the next
/// one. Each caller resumes only after the transaction holding its item committed, so nothing is
/// acknowledged (a webhook's 2xx) or counted as stored before it is.
///
/// Under a burst this turns hundreds of transactions (each a WAL write and, with durable commits,
/// an fsync) into a few, which on a 2-core machine leaves the CPU to the work the operator watches.
public actor GroupCommitter<Item: Sendable, Output: Sendable> {
    /// Commits a batch in one transaction and answers per item, in order.
    public typealias Commit = @Sendable ([Item]) async throws -> [Result<Output, any Error>]

    private let commit: Commit
    private var pending: [(Item, CheckedContinuation<Output, any Error>)] = []
    private var draining = false
    private let maxBatch: Int

    public init(maxBatch: Int = 256, commit: @escaping Commit) {
        self.commit = commit
        self.maxBatch = maxBatch
    }

    /// Commits `item` (possibly with others) and returns its own result.
    public func submit(_ item: Item) async throws -> Output {
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
                let results = try await commit(batch.map(\.0))
                for (entry, result) in zip(batch, results) { entry.1.resume(with: result) }
            } catch {
                for entry in batch { entry.1.resume(throwing: error) }
            }
        }
        draining = false
    }
}
