/// How a payload ended, as the authoritative `GET /payload/{uuid}` states it (never the websocket's
/// word alone). Recording it writes the ``result`` onto the payload (if PushDesk has it) and, when
/// signed, credits the user: the issued token (else the token the payload was pushed to), the
/// signing account, and last signed = ``PayloadResult/resolvedAt``.
public struct PayloadResolution: Sendable, Equatable {
    /// The payload that resolved.
    public var uuid: String
    /// Outcome, transaction id, dispatch result and node type, signer, issued token, resolve time.
    public var result: PayloadResult

    public init(uuid: String, result: PayloadResult) {
        self.uuid = uuid; self.result = result
    }
}
