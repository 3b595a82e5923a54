import Foundation
import PostgresNIO

/// Turns postgres-nio's errors into ``StoreError``s in operator terms. The server is named by
/// `host:port/db`; the password is never part of any message (postgres-nio's own descriptions are
/// generic, and the parts used here, the SQLSTATE, the server's message and the socket error, do not
/// carry it).
struct PostgresErrorMapper: Sendable {
    let endpoint: PostgresEndpoint

    /// postgres-nio's and NIO's errors as ``StoreError``s; any other error unchanged.
    func map(_ error: any Error) -> any Error {
        switch error {
        case is StoreError, is CancellationError:
            return error
        case let t as PostgresTransactionError:
            return map(t.closureError ?? t.commitError ?? t.beginError ?? t.rollbackError ?? StoreError.failed(store: endpoint.address, reason: "transaction failed"))
        case let p as PSQLError:
            return map(p)
        default:
            let name = String(describing: type(of: error))
            if name.contains("ConnectionPool") || name.contains("NIOConnectionError") || name.contains("IOError") {
                return StoreError.offline(store: endpoint.address, reason: Self.socketReason(error))
            }
            // The store's own signals (a batch item that failed, a bulk conflict) pass unchanged.
            return error
        }
    }

    private func map(_ p: PSQLError) -> StoreError {
        let address = endpoint.address
        switch p.code {
        case .server:
            let state = p.serverInfo?[.sqlState] ?? ""
            let message = p.serverInfo?[.message] ?? "server error"
            if state == "23505", p.serverInfo?[.constraintName] == "payload_identifier_key" {
                return .duplicateIdentifier(Self.keyValue(p.serverInfo?[.detail]) ?? "?")
            }
            if state.hasPrefix("08") || state.hasPrefix("57P") { return .offline(store: address, reason: message) }
            if state.hasPrefix("28") || state == "3D000" { return .cannotOpen(path: address, reason: message) }
            return .failed(store: address, reason: "\(message) (SQLSTATE \(state))")
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed,
             .sslUnsupported, .failedToAddSSLHandler, .receivedUnencryptedDataAfterSSLRequest, .listenFailed, .queryCancelled:
            let reason = p.underlying.map(Self.socketReason) ?? Self.words(p.code)
            return .offline(store: address, reason: reason)
        case .unsupportedAuthMechanism, .authMechanismRequiresPassword, .saslError:
            return .cannotOpen(path: address, reason: "login refused (\(Self.words(p.code)))")
        default:
            return .failed(store: address, reason: Self.words(p.code))
        }
    }

    /// `Key (identifier)=(pd-1) already exists.` → `pd-1`.
    static func keyValue(_ detail: String?) -> String? {
        guard let detail, let open = detail.range(of: ")=("), let close = detail.range(of: ")", range: open.upperBound..<detail.endIndex) else { return nil }
        return String(detail[open.upperBound..<close.lowerBound])
    }

    static func words(_ code: PSQLError.Code) -> String {
        switch code {
        case .connectionError: return "connection failed"
        case .serverClosedConnection: return "the server closed the connection"
        case .clientClosedConnection, .poolClosed: return "the store was closed"
        case .uncleanShutdown: return "the connection ended uncleanly"
        case .sslUnsupported: return "the server does not offer TLS (sslmode=require)"
        case .queryCancelled: return "the request was cancelled"
        default: return "\(code)"
        }
    }

    /// A socket error's own words (`connection refused`, a timeout), which never include credentials.
    static func socketReason(_ error: any Error) -> String {
        if let p = error as? PSQLError { return p.underlying.map(socketReason) ?? words(p.code) }
        let text = String(describing: error)
        let lower = text.lowercased()
        if lower.contains("refused") { return "connection refused" }
        if lower.contains("timeout") || lower.contains("timed out") { return "connect timed out" }
        if lower.contains("circuitbreaker") { return "no connection could be made for a while" }
        return text.count > 160 ? String(text.prefix(160)) + "…" : text
    }
}
