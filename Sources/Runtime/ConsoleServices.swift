import ConsoleCore
import Foundation
import XRPLTx
import XummPlatform

/// What the console's commands act on: the push service (client + store), the create pacer, the
/// template library and the webhook inbox's address. Request-log and inbox events reach the console
/// through the relay once it is attached.
public final class ConsoleServices: Sendable {
    public let push: PushService
    public let pacer: CreatePacer
    public let inboxAddress: String?
    private let relay: MessageRelay
    /// Extra templates beside the shipped ones (``TemplateLibrary/library(adding:)``).
    private let templateDirectory: URL?
    private let deliveries: @Sendable () -> Int

    public init(push: PushService, pacer: CreatePacer = CreatePacer(), inboxAddress: String?, relay: MessageRelay,
                templateDirectory: URL? = TemplateLibrary.runtimeDirectory, deliveries: @escaping @Sendable () -> Int = { 0 }) {
        self.push = push; self.pacer = pacer; self.inboxAddress = inboxAddress; self.relay = relay
        self.templateDirectory = templateDirectory; self.deliveries = deliveries
    }

    func attach(send: @escaping @Sendable (Msg) -> Void) { relay.attach(send) }
    func templates() throws -> [TxTemplate] { try TemplateLibrary.library(adding: templateDirectory) }
    func inboxDeliveries() -> Int { deliveries() }
}

/// Forwards events from callbacks created before the console exists (client request log, inbox deliveries).
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
}
