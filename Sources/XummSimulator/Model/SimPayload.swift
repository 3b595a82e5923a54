import Foundation
import XummPlatform

/// The simulator's own record of one payload.
public struct SimPayload: Sendable {
    public let uuid: String
    public let request: PayloadCreateRequest
    public let txType: String
    public let requestJSON: JSONValue
    public let createdAt: Date
    public let expiresAt: Date
    /// The token the payload was created with.
    public let userToken: String?
    /// Whose phone got the push (only when `pushed`).
    public let pushedTo: String?
    public let pushed: Bool

    public var opened = false
    public var resolved = false
    public var signed = false
    public var cancelled = false
    public var expired = false
    public var resolvedAt: Date?
    public var signerName: String?
    public var signerAccount: String?
    public var txid: String?
    public var hex: String?
    public var issuedUserToken: String?
    public var deviceUser: String?

    /// The outcome word used by `/_sim/payloads`: `pending`, `opened`, `signed`, `rejected`, `cancelled`, `expired`.
    public var state: String {
        if signed { return "signed" }
        if cancelled { return "cancelled" }
        if resolved { return "rejected" }
        if expired { return "expired" }
        return opened ? "opened" : "pending"
    }

    /// Still waiting for a decision (not resolved, cancelled or expired).
    public var isLive: Bool { !resolved && !cancelled && !expired }
}

extension SimPayload {
    static func format(_ date: Date) -> String { date.formatted(.iso8601) }

    /// `meta` as the platform serves it.
    func meta() -> PayloadMeta {
        let destination = requestJSON["Destination"]?.stringValue ?? ""
        return PayloadMeta(
            exists: true, uuid: uuid, multisign: request.options?.multisign ?? false, submit: request.options?.submit ?? true,
            pathfinding: request.options?.pathfinding ?? false, pathfindingFallback: request.options?.pathfindingFallback ?? false,
            forceNetwork: request.options?.forceNetwork, destination: destination, resolvedDestination: destination,
            resolved: resolved, signed: signed, cancelled: cancelled, expired: expired, pushed: pushed, appOpened: opened,
            openedByDeeplink: opened ? !pushed : nil, immutable: false, forceAccount: false,
            returnURLApp: request.options?.returnURL?.app, returnURLWeb: request.options?.returnURL?.web,
            isXapp: false, signers: request.options?.signers)
    }

    /// The full `GET /payload/{uuid}` body.
    func wire(application: PayloadApplication, now: Date) -> XummPayload {
        var app = application
        app.issuedUserToken = issuedUserToken
        let submit = request.options?.submit ?? true
        let node = request.options?.forceNetwork ?? "MAINNET"
        let rail = SimulatorEngine.rails[node] ?? SimulatorEngine.rails["MAINNET"]
        let nodeURI = rail?.endpoints.first?.url ?? "wss://xrplcluster.com"
        let response: PayloadResponse
        if signed {
            response = PayloadResponse(
                hex: hex, txid: txid, resolvedAt: resolvedAt.map(Self.format),
                dispatchedTo: submit ? nodeURI : "", dispatchedResult: submit ? "tesSUCCESS" : "",
                dispatchedToNode: submit, environmentNodeuri: nodeURI, environmentNodetype: node,
                environmentNetworkID: rail?.chainID ?? 0, dispatchedNodetype: submit ? node : "", multisignAccount: "",
                account: signerAccount, signer: signerAccount, user: deviceUser)
        } else {
            response = PayloadResponse(
                hex: nil, txid: nil, resolvedAt: resolvedAt.map(Self.format), dispatchedTo: "", dispatchedResult: "",
                dispatchedToNode: false, environmentNodeuri: "", environmentNodetype: "", environmentNetworkID: nil,
                dispatchedNodetype: "", multisignAccount: "", account: nil, signer: nil, user: deviceUser)
        }
        let details = PayloadDetails(
            txType: txType, txDestination: requestJSON["Destination"]?.stringValue ?? "",
            txDestinationTag: requestJSON["DestinationTag"]?.numberValue.map { Int($0) }, requestJSON: requestJSON,
            origintype: nil, signmethod: signed ? "PIN" : nil, createdAt: Self.format(createdAt), expiresAt: Self.format(expiresAt),
            expiresInSeconds: Int(expiresAt.timeIntervalSince(now).rounded(.down)))
        return XummPayload(meta: meta(), application: app, payload: details, response: response, customMeta: request.customMeta ?? CustomMeta())
    }
}
