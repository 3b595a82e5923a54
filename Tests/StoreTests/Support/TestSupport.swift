import Domain
import Foundation
import Store
import XummPlatform

/// A fresh SQLite store in its own temporary folder (for the SQLite engine's own tests and the inbox's).
func makeTempStore(busyTimeout: TimeInterval = 5) throws -> (SQLiteStore, URL) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pushdesk-tests-\(UUID().uuidString)")
    let path = dir.appendingPathComponent("nested/pushdesk.sqlite").path
    return (try SQLiteStore(path: path, busyTimeout: busyTimeout), dir)
}

let t0 = Date(timeIntervalSince1970: 1_700_000_000)
let day: TimeInterval = 86_400

/// A verified delivery as the inbox hands it to the store (by default signed, carrying a fresh
/// token issued at `t0` for 30 days, received at `t0`).
func delivery(payload: String = UUID().uuidString.lowercased(), signed: Bool? = true, token: String? = UUID().uuidString.lowercased(),
              issued: Date? = t0, expiration: Date? = t0.addingTimeInterval(30 * day), at: Date = t0) -> WebhookDelivery {
    WebhookDelivery(payloadUUID: payload, signed: signed, userToken: token, tokenIssued: token == nil ? nil : issued,
                    tokenExpiration: token == nil ? nil : expiration, receivedAt: at)
}

/// How `GET /payload/{uuid}` says a payload ended: signed (txid `ABC`, `tesSUCCESS` on `TESTNET`)
/// or rejected, resolved at `t0` unless told otherwise.
func resolution(uuid: String, signed: Bool, issuedToken: String?, account: String?, resolvedAt: Date? = t0) -> PayloadResolution {
    PayloadResolution(uuid: uuid, result: PayloadResult(
        outcome: signed ? .signed : .rejected, txid: signed ? "ABC" : nil, dispatchedResult: signed ? "tesSUCCESS" : nil,
        dispatchedNodeType: signed ? "TESTNET" : nil, network: signed ? "TESTNET" : nil, signerAccount: account,
        issuedUserToken: issuedToken, resolvedAt: resolvedAt))
}

/// A webhook body as the platform sends it (for the inbox, which decodes and converts it).
func webhookBody(payload: String = UUID().uuidString.lowercased(), signed: Bool = true, token: String? = UUID().uuidString.lowercased(),
                 issued: Int? = 1_700_000_000, expiration: Int? = 1_700_000_000 + 30 * 86_400) -> WebhookBody {
    WebhookBody(
        meta: .init(url: "https://example.com/hook", applicationUUID: "app-uuid", payloadUUID: payload, openedByDeeplink: true),
        customMeta: CustomMeta(),
        payloadResponse: .init(payloadUUID: payload, referenceCallUUID: UUID().uuidString.lowercased(), signed: signed,
                               userToken: token != nil, txid: signed ? String(repeating: "A", count: 64) : nil),
        userToken: token.map { .init(userToken: $0, tokenIssued: issued, tokenExpiration: expiration) })
}
