import ConsoleCore
import Domain
import Foundation
import Store
import XummPlatform

/// Forwards events from callbacks created before the console exists (client request log, inbox
/// deliveries) once a console attaches; drops them before.
public final class MessageRelay: Sendable {
    private let target = Locked<(@Sendable (Msg) -> Void)?>(nil)
    public init() {}

    func attach(_ send: @escaping @Sendable (Msg) -> Void) { target.value = send }

    /// Sends when a console is attached; dropped otherwise.
    public func send(_ msg: Msg) { target.value?(msg) }

    /// The client's request-log hook: one request-log entry and the rate-limit figures per API call.
    public func requestLogged(_ e: RequestLogEvent) {
        send(.requestLogged(RequestLogEntry(method: e.method, path: e.path, status: e.status, latencyMs: e.latencyMs,
                                            rateLimitRemaining: e.rateLimitRemaining, at: e.at, error: e.error)))
        if e.rateLimitLimit != nil || e.rateLimitRemaining != nil {
            send(.rateLimit(limit: e.rateLimitLimit, remaining: e.rateLimitRemaining))
        }
    }

    /// A webhook delivery was recorded: the inbox counter, and the user whose token it carried (as stored).
    public func inboxDelivered(recordedCount: Int, userToken: String?, store: any PushDeskStore) {
        send(.inboxStatus(address: nil, deliveries: recordedCount))
        guard let userToken else { return }
        Task { if let user = try? await store.user(token: userToken) { send(.userUpdated(user)) } }
    }
}
