import Domain
import Foundation
import Store
import XRPLTx
import XummPlatform

/// Sends xApp pushes and events (no sign request) and records each in the audit log. Shared by the
/// console's `:notify` and `pushdesk notify`.
public struct NotifyService: Sendable {
    public let client: any XummAPI
    public let store: any PushDeskStore
    public let operatorName: String

    public init(client: any XummAPI, store: any PushDeskStore, operatorName: String) {
        self.client = client; self.store = store; self.operatorName = operatorName
    }

    /// Sends `notice`. A refusal by the platform keeps its code and reference and says what it most
    /// likely means (the application has no xApp).
    public func send(_ notice: XAppNotice, now: Date = Date()) async throws -> XAppPushResult {
        var data: XummPlatform.JSONValue?
        if let text = notice.dataJSON {
            do { _ = try JSONDocument(parsing: text) } catch { throw XummError.invalidRequest("data is not JSON at \(error)") }
            data = try? XummPlatform.JSONValue.parse(Data(text.utf8))
        }
        let request = XAppPushRequest(userToken: notice.userToken, body: notice.body, subtitle: notice.subtitle, data: data,
                                      silent: notice.asEvent ? notice.silent : nil)
        let result: XAppPushResult
        do {
            result = try await client.notify(request, asEvent: notice.asEvent)
        } catch XummError.platform(let status, let code, let reference, let message) where (400..<500).contains(status) {
            throw XummError.platform(status: status, code: code, reference: reference,
                                     message: (message.map { $0 + " — " } ?? "") + "xApp push and event need an xApp set up for this application")
        }
        let kind = notice.asEvent ? "xApp event" : "xApp push"
        let what = result.pushed ? "\(kind) pushed" : "\(kind) not pushed (token expired or revoked)"
        try? await store.audit(action: notice.asEvent ? "notify-event" : "notify", actor: operatorName,
                               detail: "\(what): \(notice.body.count > 80 ? notice.body.prefix(79) + "…" : notice.body)", at: now,
                               payloadUUID: nil, userToken: notice.userToken)
        return result
    }
}
