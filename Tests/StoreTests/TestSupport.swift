import Foundation
import Store
import XummPlatform

/// A fresh store in its own temporary folder.
func makeTempStore(busyTimeout: TimeInterval = 5) throws -> (PushDeskStore, URL) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pushdesk-tests-\(UUID().uuidString)")
    let path = dir.appendingPathComponent("nested/pushdesk.sqlite").path
    return (try PushDeskStore(path: path, busyTimeout: busyTimeout), dir)
}

let t0 = Date(timeIntervalSince1970: 1_700_000_000)
let day: TimeInterval = 86_400

/// A webhook body as the platform sends it.
func webhookBody(payload: String = UUID().uuidString.lowercased(), signed: Bool = true, token: String? = UUID().uuidString.lowercased(),
                 issued: Int? = 1_700_000_000, expiration: Int? = 1_700_000_000 + 30 * 86_400) -> WebhookBody {
    WebhookBody(
        meta: .init(url: "https://example.com/hook", applicationUUID: "app-uuid", payloadUUID: payload, openedByDeeplink: true),
        customMeta: CustomMeta(),
        payloadResponse: .init(payloadUUID: payload, referenceCallUUID: UUID().uuidString.lowercased(), signed: signed,
                               userToken: token != nil, txid: signed ? String(repeating: "A", count: 64) : nil),
        userToken: token.map { .init(userToken: $0, tokenIssued: issued, tokenExpiration: expiration) })
}

/// A resolved payload as `GET /payload/{uuid}` returns it.
func finalState(uuid: String, signed: Bool, issuedToken: String?, account: String?, resolvedAt: String? = "2023-11-14T22:13:20.000Z") -> PayloadFinalState {
    let payload = XummPayload(
        meta: PayloadMeta(uuid: uuid, resolved: true, signed: signed, pushed: true, appOpened: true),
        application: PayloadApplication(name: "PushDesk", uuidv4: "app-uuid", issuedUserToken: issuedToken),
        payload: PayloadDetails(txType: "SignIn", requestJSON: .object(["TransactionType": .string("SignIn")]),
                                createdAt: "2023-11-14T22:10:00Z", expiresAt: "2023-11-15T22:10:00Z", expiresInSeconds: 100),
        response: PayloadResponse(txid: signed ? "ABC" : nil, resolvedAt: resolvedAt, dispatchedResult: signed ? "tesSUCCESS" : nil,
                                  dispatchedNodetype: signed ? "TESTNET" : nil, account: account),
        customMeta: nil)
    return PayloadFinalState(payload: payload)
}
