import ConsoleCore
import Foundation
import XummPlatform

extension Failure {
    /// The facts of any error the Runtime meets, for ConsoleCore to word. Platform errors keep their
    /// status, code and reference; nothing else is invented here.
    public init(_ error: any Error) {
        switch error {
        case let f as Failure: self = f
        case let e as XummError:
            switch e {
            case .credentialsRefused(let r): self = .credentialsRefused(reference: r)
            case .notFound(let what, let r): self = .notFound(what: what, reference: r)
            case .rateLimited(let l, let rem, let after): self = .rateLimited(limit: l, remaining: rem, retryAfter: after)
            case .platform(let s, let c, let r, let m): self = .platform(status: s, code: c, reference: r, message: m)
            case .server(let s, let c, let r): self = .server(status: s, code: c, reference: r)
            case .transport(let reason): self = .unreachable(reason: reason)
            case .undecodable(let t, let p, let reason): self = .unexpectedAnswer(type: t, path: p, reason: reason)
            case .invalidRequest(let reason): self = .invalidRequest(reason: reason)
            }
        default:
            self = .store(reason: String(describing: error))
        }
    }
}
