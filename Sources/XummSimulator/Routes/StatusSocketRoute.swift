import Foundation
import Hummingbird
import HummingbirdWebSocket
import XummPlatform

/// The status websocket at `/sign/{uuid}`: welcome, `expires_in_seconds` every 15 s (scaled),
/// the payload's events as they happen, and `{"ping":true}` answered with a pong.
struct StatusSocketRoute {
    let engine: SimulatorEngine

    struct Cut: Error {}

    func register(on router: Router<BasicWebSocketRequestContext>) {
        router.ws("sign/:uuid") { inbound, outbound, context in
            let uuid = context.requestContext.parameters.get("uuid") ?? ""
            guard let record = await engine.record(uuid) else {
                try await outbound.write(.text(StatusMessage.message("No such payload").wireText))
                return
            }
            let hub = engine.hub
            let subscription = hub.subscribe(uuid)
            defer { hub.unsubscribe(uuid, id: subscription.id) }
            // A cut fault closes this socket after N server messages.
            let cutAfter = engine.faults.take("websocket", kinds: [.cut]).map { $0.afterMessages ?? 0 }
            // A claim-signed fault makes this socket's resolve message say signed though it was rejected.
            let claimSigned = engine.faults.take("websocket", kinds: [.claimSigned]) != nil
            let sent = Locked(0)
            @Sendable func send(_ m: StatusMessage) async throws {
                if let cutAfter, sent.value >= cutAfter { throw Cut() }
                try await outbound.write(.text((claimSigned ? Self.claimingSigned(m) : m).wireText))
                sent.withLock { $0 += 1 }
            }
            do {
                try await send(.welcome(uuid: uuid))
                try await send(.expiresIn(seconds: Self.remaining(record.expiresAt)))
                for m in await engine.replay(uuid) { try await send(m) }
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for await m in subscription.stream { try await send(m) }
                    }
                    group.addTask {
                        while !Task.isCancelled {
                            try await Task.sleep(for: engine.tickPeriod)
                            guard let p = await engine.record(uuid), !p.resolved, !p.cancelled else { continue }
                            try await send(.expiresIn(seconds: Self.remaining(p.expiresAt)))
                        }
                    }
                    group.addTask {
                        for try await frame in inbound.messages(maxSize: 1 << 16) {
                            guard case .text(let text) = frame else { continue }
                            if (try? JSONValue.parse(Data(text.utf8)))?["ping"]?.boolValue == true {
                                try await outbound.write(.text(StatusMessage.pong.wireText))
                            }
                        }
                    }
                    _ = try await group.next()
                    group.cancelAll()
                }
            } catch is Cut {
                engine.logger.info("status socket cut (injected)", metadata: ["uuid": "\(uuid)"])
            }
        }
    }

    /// A resolve message that says `signed: true` whatever the payload's real outcome (the `claim_signed` fault).
    static func claimingSigned(_ m: StatusMessage) -> StatusMessage {
        guard case .resolved(var r) = m, !r.signed else { return m }
        r.signed = true
        r.userToken = true
        return .resolved(r)
    }

    static func remaining(_ expiresAt: Date) -> Int { Int(expiresAt.timeIntervalSinceNow.rounded(.down)) }
}
