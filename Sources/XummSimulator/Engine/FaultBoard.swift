import XummPlatform

/// One injected fault, as posted to `POST /_sim/faults`.
public struct FaultSpec: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        /// Answer with `status` (5xx or 429) instead of handling the request.
        case status
        /// Wait `delay_ms` before handling the request.
        case delay
        /// Drop the connection without handling the request.
        case drop
        /// `create` only: store the payload, then drop the connection (the client never sees the answer).
        case dropAfterCommit = "drop_after_commit"
        /// `create` only: store the payload, then answer `status` (default 502) as if it had failed.
        case statusAfterCommit = "status_after_commit"
        /// `websocket` only: cut status sockets after `after_messages` server messages.
        case cut
        /// `webhook` only: deliver every webhook twice.
        case duplicate
        /// `websocket` only: status sockets opened while armed (one firing per socket) say `signed: true`
        /// in the resolve message of a payload that was rejected; `GET /payload` still tells the truth.
        /// Tests that a client never trusts the websocket's `signed` alone.
        case claimSigned = "claim_signed"
    }
    /// `create`, `get`, `ci`, `cancel`, `ping`, `user-tokens`, `user-token`, `websocket`, `webhook`, or `*`.
    public var route: String
    public var kind: Kind
    public var status: Int?
    public var delayMs: Int?
    public var afterMessages: Int?
    /// How many times it fires; absent = once, `0` = until cleared.
    public var times: Int?

    enum CodingKeys: String, CodingKey {
        case route, kind, status, times
        case delayMs = "delay_ms", afterMessages = "after_messages"
    }

    public init(route: String, kind: Kind, status: Int? = nil, delayMs: Int? = nil, afterMessages: Int? = nil, times: Int? = nil) {
        self.route = route; self.kind = kind; self.status = status; self.delayMs = delayMs; self.afterMessages = afterMessages; self.times = times
    }
}

/// The faults armed on the simulator, consumed as requests arrive.
final class FaultBoard: Sendable {
    private struct Armed: Sendable { var spec: FaultSpec; var remaining: Int? }
    private let armed = Locked<[Armed]>([])

    func add(_ spec: FaultSpec) {
        let remaining: Int? = spec.times == 0 ? nil : max(1, spec.times ?? 1)
        armed.withLock { $0.append(Armed(spec: spec, remaining: remaining)) }
    }

    func clear() { armed.withLock { $0.removeAll() } }

    var list: [FaultSpec] {
        armed.withLock { $0.map { var s = $0.spec; s.times = $0.remaining ?? 0; return s } }
    }

    /// Takes (consumes one firing of) the first fault armed for `route` among `kinds`.
    func take(_ route: String, kinds: Set<FaultSpec.Kind>) -> FaultSpec? {
        armed.withLock { list in
            guard let i = list.firstIndex(where: { ($0.spec.route == route || $0.spec.route == "*") && kinds.contains($0.spec.kind) }) else { return nil }
            let spec = list[i].spec
            if let r = list[i].remaining {
                if r <= 1 { list.remove(at: i) } else { list[i].remaining = r - 1 }
            }
            return spec
        }
    }
}
