import XRPLTx

/// Why something the Runtime tried did not work, as facts. ConsoleCore words it for the operator
/// (``operatorText``); the Runtime only says which case happened. No case ever carries the API secret
/// or a store password.
public enum Failure: Error, Sendable, Equatable {
    /// 403 / code 813: the API key or secret was refused.
    case credentialsRefused(reference: String?)
    /// 404 or code 404: no such payload or token (`what` names it).
    case notFound(what: String, reference: String?)
    /// 429 from the platform.
    case rateLimited(limit: Int?, remaining: Int?, retryAfter: Int?)
    /// A platform error answer (4xx other than the above): its status, code, reference and message.
    case platform(status: Int, code: Int?, reference: String?, message: String?)
    /// 5xx from the platform.
    case server(status: Int, code: Int?, reference: String?)
    /// No answer: DNS, connect, TLS, timeout, dropped connection.
    case unreachable(reason: String)
    /// The platform answered with a body that does not decode: the failing type and field.
    case unexpectedAnswer(type: String, path: String, reason: String)
    /// The request was refused before sending.
    case invalidRequest(reason: String)
    /// The txjson has error findings; nothing was sent.
    case invalidTransaction([Finding])
    /// `expire` must be a positive number of minutes.
    case expireNotPositive(Int)
    /// The instruction is longer than the platform's 280 characters.
    case instructionTooLong(characters: Int)
    /// The store could not be read or written.
    case store(reason: String)
    /// Templates could not be read from their folder.
    case templates(reason: String)
    /// The external editor could not be run.
    case editor(reason: String)
}
