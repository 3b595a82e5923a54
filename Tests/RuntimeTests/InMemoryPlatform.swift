import Foundation
import Synchronization
import XummPlatform

/// A test double of the Xumm platform: creates answer at once, each payload's status stream plays
/// a script, and every call is counted. The interpreter cannot tell it from `XummClient`.
final class InMemoryPlatform: XummAPI {
    struct Calls: Sendable {
        var creates: [PayloadCreateRequest] = []
        var gets = 0
        var lookups: [String] = []
        var cancels: [String] = []
        var verifies: [[String]] = []
        var streams: [String] = []
    }
    let calls = Mutex(Calls())
    /// The events every status stream yields, in order (the last should be `.final`).
    let script: @Sendable (String) -> [StatusStreamEvent]
    /// Tokens the platform still accepts pushes for.
    let activeTokens: Set<String>
    /// Identifiers the platform has (for `payload(identifier:)`).
    let known = Mutex<[String: String]>([:])
    /// A failure every create throws, when set.
    let createFailure: XummError?
    /// How long each create takes (lets a test stop a bulk push half-way).
    let createDelay: Duration

    init(activeTokens: Set<String> = [], createFailure: XummError? = nil, createDelay: Duration = .zero,
         script: @escaping @Sendable (String) -> [StatusStreamEvent] = { uuid in [.message(.opened), .final(InMemoryPlatform.signed(uuid))] }) {
        self.activeTokens = activeTokens; self.createFailure = createFailure; self.createDelay = createDelay; self.script = script
    }

    var rateLimit: RateLimitStatus { RateLimitStatus(limit: 30, remaining: 29) }

    func createPayload(_ request: PayloadCreateRequest) async throws -> PayloadCreateResponse {
        if createDelay > .zero { try? await Task.sleep(for: createDelay) }
        calls.withLock { $0.creates.append(request) }
        if let createFailure { throw createFailure }
        let uuid = UUID().uuidString.lowercased()
        if let id = request.customMeta?.identifier { known.withLock { $0[id] = uuid } }
        return response(uuid: uuid, pushed: request.userToken.map(activeTokens.contains) ?? false)
    }

    func payload(uuid: String) async throws -> XummPayload {
        calls.withLock { $0.gets += 1 }
        return Self.signed(uuid).payload
    }

    func payload(identifier: String) async throws -> XummPayload {
        calls.withLock { $0.lookups.append(identifier) }
        guard let uuid = known.withLock({ $0[identifier] }) else { throw XummError.notFound(what: "payload \(identifier)", reference: nil) }
        var p = Self.signed(uuid).payload
        p.meta.resolved = false; p.meta.signed = false
        return p
    }

    func responseForExisting(_ payload: XummPayload) -> PayloadCreateResponse { response(uuid: payload.meta.uuid, pushed: payload.meta.pushed) }

    func cancel(uuid: String) async throws -> PayloadCancelResponse {
        calls.withLock { $0.cancels.append(uuid) }
        return PayloadCancelResponse(result: .init(cancelled: false, reason: .alreadyOpened), meta: Self.signed(uuid).payload.meta, customMeta: nil)
    }

    func verifyUserTokens(_ tokens: [String]) async throws -> [UserTokenStatus] {
        calls.withLock { $0.verifies.append(tokens) }
        return try tokens.map { t in
            try JSONDecoder().decode(UserTokenStatus.self, from: Data(#"{"user_token":"\#(t)","active":\#(activeTokens.contains(t))}"#.utf8))
        }
    }

    func statusEvents(uuid: String, websocketURL: String, settings: PayloadStatusStream.Settings) -> AsyncStream<StatusStreamEvent> {
        calls.withLock { $0.streams.append(uuid) }
        let events = script(uuid)
        return AsyncStream { c in
            for e in events { c.yield(e) }
            c.finish()
        }
    }

    private func response(uuid: String, pushed: Bool) -> PayloadCreateResponse {
        PayloadCreateResponse(uuid: uuid, next: .init(always: "https://xumm.app/sign/\(uuid)"),
                              refs: .init(qrPNG: "", qrMatrix: "", websocketStatus: "wss://xumm.app/sign/\(uuid)"), pushed: pushed)
    }

    /// The SDK fixture's signed payload, as `uuid`.
    static func signed(_ uuid: String) -> PayloadFinalState {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/xumm/xumm-net-sdk/payload-get.json")
        var p = try! WireDecoding.decode(XummPayload.self, from: try! Data(contentsOf: url))
        p.meta.uuid = uuid
        return PayloadFinalState(payload: p)
    }
}
