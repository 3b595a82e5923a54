import Domain
import Foundation
import Hummingbird
import Logging
import NIOCore
import Store
import XummPlatform

extension WebhookInbox {
    static let timestampHeader = HTTPFields.Element.Name("x-xumm-request-timestamp")!
    static let signatureHeader = HTTPFields.Element.Name("x-xumm-request-signature")!

    /// Decides and answers one delivery. 2xx only after the commit that holds it.
    func handle(_ request: Request) async -> Response {
        let started = config.now()
        let clock = ContinuousClock.now
        if let length = request.headers[.contentLength].flatMap(Int.init), length > config.maxBodyBytes {
            return finish(refused: .tooLarge, at: started, since: clock)
        }
        let bytes: [UInt8]
        do {
            var buffer = try await request.body.collect(upTo: config.maxBodyBytes)
            bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
        } catch {
            return finish(refused: .tooLarge, at: started, since: clock)
        }
        let checked = verifier.check(timestamp: request.headers[Self.timestampHeader],
                                     signature: request.headers[Self.signatureHeader], body: bytes, now: started)
        let body: WebhookBody
        switch checked {
        case .failure(let refusal): return finish(refused: refusal, at: started, since: clock)
        case .success(let b): body = b
        }
        let token = body.userToken?.userToken
        let signed = body.payloadResponse?.signed
        let isNew: Bool
        do {
            isNew = try await committer.submit(WebhookDelivery(body, receivedAt: started))
        } catch {
            config.logger.error("webhook delivery not recorded: store unavailable", metadata: [
                "payload": "\(body.meta.payloadUUID)", "status": "503", "error": "\(error)"])
            report(.init(at: started, outcome: .storeUnavailable, status: 503, payloadUUID: body.meta.payloadUUID,
                         userToken: token, signed: signed, recordedCount: recordedCount), since: clock)
            return Self.json(.serviceUnavailable, #"{"error":"store unavailable, retry later"}"#)
        }
        let count = isNew ? recorded.add(1, ordering: .relaxed).newValue : recordedCount
        config.logger.info(isNew ? "webhook delivery recorded" : "webhook delivery duplicate", metadata: [
            "payload": "\(body.meta.payloadUUID)", "status": "200", "signed": "\(signed.map(String.init) ?? "-")",
            "user_token": "\(token ?? "-")"])
        report(.init(at: started, outcome: isNew ? .recorded : .duplicate, status: 200, payloadUUID: body.meta.payloadUUID,
                     userToken: token, signed: signed, recordedCount: count), since: clock)
        return Self.json(.ok, isNew ? #"{"ok":true}"# : #"{"ok":true,"duplicate":true}"#)
    }

    private func finish(refused: WebhookRefusal, at: Date, since clock: ContinuousClock.Instant) -> Response {
        config.logger.warning("webhook delivery refused", metadata: ["reason": "\(refused.rawValue)", "status": "\(refused.status)"])
        report(.init(at: at, outcome: .refused(refused), status: refused.status, recordedCount: recordedCount), since: clock)
        return Self.json(HTTPResponse.Status(code: refused.status), #"{"error":"\#(refused.rawValue)"}"#)
    }

    private func report(_ event: WebhookDeliveryEvent, since clock: ContinuousClock.Instant) {
        var event = event
        event.latency = ContinuousClock.now - clock
        onDelivery(event)
    }

    static func json(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
