import Foundation

/// Everything that can go wrong talking to the Xumm platform, in terms an operator can act on.
/// No case ever carries the API secret.
public enum XummError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 403 / code 813: the API key or secret was refused.
    case credentialsRefused(reference: String?)
    /// 404 or code 404: no such payload / token.
    case notFound(what: String, reference: String?)
    /// 429, or a create attempted with `X-RateLimit-Remaining: 0`.
    case rateLimited(limit: Int?, remaining: Int?, retryAfter: Int?)
    /// A platform error answer `{code, reference, message}` (4xx other than the above).
    case platform(status: Int, code: Int?, reference: String?, message: String?)
    /// 5xx.
    case server(status: Int, code: Int?, reference: String?)
    /// No answer: DNS, connect, TLS, timeout, dropped connection.
    case transport(String)
    /// The answer could not be decoded; `path` names the failing field.
    case undecodable(type: String, path: String, reason: String)
    /// The request was refused before sending (bad input).
    case invalidRequest(String)

    public var description: String {
        switch self {
        case .credentialsRefused(let ref):
            return "credentials refused by the platform (code 813\(ref.map { ", reference \($0)" } ?? "")): check XUMM_APIKEY / XUMM_APISECRET"
        case .notFound(let what, let ref):
            return "not found: \(what)\(ref.map { " (reference \($0))" } ?? "")"
        case .rateLimited(let limit, let remaining, let after):
            var s = "rate limited by the platform"
            if let limit { s += " (limit \(limit)/min, remaining \(remaining ?? 0))" }
            if let after { s += "; retry in \(after) s" }
            return s
        case .platform(let status, let code, let ref, let message):
            return "platform error \(code.map(String.init) ?? String(status))\(message.map { ": \($0)" } ?? "")\(ref.map { " (reference \($0))" } ?? "")"
        case .server(let status, let code, let ref):
            return "platform server error HTTP \(status)\(code.map { ", code \($0)" } ?? "")\(ref.map { " (reference \($0))" } ?? ""); try again"
        case .transport(let reason):
            return "could not reach the platform: \(reason)"
        case .undecodable(let type, let path, let reason):
            return "unexpected answer from the platform: \(type) at \(path.isEmpty ? "<root>" : path): \(reason)"
        case .invalidRequest(let reason):
            return "invalid request: \(reason)"
        }
    }

    /// The platform's error code, when it gave one.
    public var code: Int? {
        switch self {
        case .credentialsRefused: 813
        case .platform(_, let code, _, _), .server(_, let code, _): code
        case .notFound: 404
        case .rateLimited: 429
        default: nil
        }
    }

    /// The platform's error reference, when it gave one.
    public var reference: String? {
        switch self {
        case .credentialsRefused(let r), .notFound(_, let r), .platform(_, _, let r, _), .server(_, _, let r): r
        default: nil
        }
    }

    /// True when the request may or may not have taken effect (no definite answer).
    public var isIndefinite: Bool {
        switch self {
        case .transport, .server: true
        default: false
        }
    }
}
