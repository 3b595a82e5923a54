/// Where a payload ended, read from the authoritative `GET /payload/{uuid}`.
public struct PayloadFinalState: Sendable, Equatable {
    public enum Outcome: String, Sendable, Equatable, CaseIterable {
        case signed, rejected, expired, cancelled
        /// Not resolved yet (the stream gave up before the platform resolved it).
        case pending
    }
    public var outcome: Outcome
    public var payload: XummPayload

    public init(payload: XummPayload) {
        self.payload = payload
        self.outcome = Self.classify(payload.meta)
    }

    /// Reads the documented meta booleans.
    public static func classify(_ meta: PayloadMeta) -> Outcome {
        if meta.signed { return .signed }
        if meta.cancelled { return .cancelled }
        if meta.resolved { return .rejected }
        if meta.expired { return .expired }
        return .pending
    }

    public var txid: String? { payload.response.txid }
    public var dispatchedResult: String? { payload.response.dispatchedResult }
    public var dispatchedNodeType: String? { payload.response.dispatchedNodetype ?? payload.response.environmentNodetype }
    public var signerAccount: String? { payload.response.account ?? payload.response.signer }
    public var issuedUserToken: String? { payload.application.issuedUserToken }
}
