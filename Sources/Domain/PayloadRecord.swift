import Foundation

/// Final outcome of a sign request.
public enum PayloadOutcome: String, Sendable, Codable, CaseIterable {
    case signed, rejected, expired, cancelled
}

/// One step on a payload's timeline, as the operator sees it.
public enum PayloadEventKind: String, Sendable, Codable, CaseIterable {
    case created, pushed, notPushed = "not_pushed", opened, appFetched = "devapp_fetched", preSigned = "pre_signed"
    case dispatched, signed, rejected, expired, cancelled, webhook, reconnected, error
    /// The status websocket said `signed: true`. Not trusted on its own: only the answer of
    /// `GET /payload/{uuid}` adds `signed` (or `rejected`) and the result.
    case signedUnconfirmed = "signed_unconfirmed"
    /// The status websocket said `signed: false`; the GET's answer adds the confirmed outcome.
    case rejectedUnconfirmed = "rejected_unconfirmed"

    /// True for the websocket's word on a resolution, before the GET confirmed it.
    public var isUnconfirmed: Bool { self == .signedUnconfirmed || self == .rejectedUnconfirmed }
}

/// A timestamped event on a payload's timeline.
public struct PayloadEvent: Sendable, Equatable, Codable {
    public var at: Date
    public var kind: PayloadEventKind
    /// Short free text (e.g. "expires in 300 s", an error message). Remote text; strip before drawing.
    public var detail: String?
    public init(at: Date, kind: PayloadEventKind, detail: String? = nil) {
        self.at = at; self.kind = kind; self.detail = detail
    }
}

/// The resolved result of a payload, from the authoritative GET.
public struct PayloadResult: Sendable, Equatable, Codable {
    public var outcome: PayloadOutcome
    public var txid: String?
    public var dispatchedResult: String?
    public var dispatchedNodeType: String?
    /// Network the transaction went to (`MAINNET`, `TESTNET`, ...) when known.
    public var network: String?
    public var signerAccount: String?
    public var issuedUserToken: String?
    public var resolvedAt: Date?
    public init(outcome: PayloadOutcome, txid: String? = nil, dispatchedResult: String? = nil, dispatchedNodeType: String? = nil,
                network: String? = nil, signerAccount: String? = nil, issuedUserToken: String? = nil, resolvedAt: Date? = nil) {
        self.outcome = outcome; self.txid = txid; self.dispatchedResult = dispatchedResult
        self.dispatchedNodeType = dispatchedNodeType; self.network = network
        self.signerAccount = signerAccount; self.issuedUserToken = issuedUserToken; self.resolvedAt = resolvedAt
    }
}

/// A sign request PushDesk created, with everything the operator sees about it.
public struct PayloadRecord: Sendable, Equatable, Codable, Identifiable {
    public var id: String { uuid }
    public var uuid: String
    /// `custom_meta.identifier` generated for exactly-once creation.
    public var identifier: String?
    public var userToken: String?
    public var userName: String?
    public var transactionType: String
    /// The txjson exactly as sent.
    public var txjson: String
    public var expireMinutes: Int?
    public var instruction: String?
    public var created: Date
    /// `nil` until the create answered.
    public var pushed: Bool?
    /// `next.always`: the deep link for a QR fallback.
    public var deepLink: String?
    public var websocketURL: String?
    public var events: [PayloadEvent]
    public var result: PayloadResult?
    /// OS user that pushed it.
    public var operatorName: String?

    public init(uuid: String, identifier: String? = nil, userToken: String? = nil, userName: String? = nil,
                transactionType: String, txjson: String, expireMinutes: Int? = nil, instruction: String? = nil,
                created: Date, pushed: Bool? = nil, deepLink: String? = nil, websocketURL: String? = nil,
                events: [PayloadEvent] = [], result: PayloadResult? = nil, operatorName: String? = nil) {
        self.uuid = uuid; self.identifier = identifier; self.userToken = userToken; self.userName = userName
        self.transactionType = transactionType; self.txjson = txjson; self.expireMinutes = expireMinutes
        self.instruction = instruction; self.created = created; self.pushed = pushed; self.deepLink = deepLink
        self.websocketURL = websocketURL; self.events = events; self.result = result; self.operatorName = operatorName
    }

    /// True once the authoritative result is known. Inlinable so a view can ask it of every record
    /// without copying the record.
    @inlinable public var isFinal: Bool {
        // A pattern match reads the optional in place; `result != nil` copied the result first.
        if case .some = result { return true }
        return false
    }

    /// The websocket's word on the resolution while the GET has not confirmed it yet: the last
    /// `signed_unconfirmed`/`rejected_unconfirmed` event of a record without a result.
    public var unconfirmedResolution: PayloadEventKind? {
        guard !isFinal else { return nil }
        return events.last(where: { $0.kind.isUnconfirmed })?.kind
    }

    /// The badge the Payloads pane shows. The websocket's unconfirmed word shows with a question
    /// mark (`signed?`): only the GET's result says `signed`.
    public var stateLabel: String {
        if let result { return result.outcome.rawValue }
        if let word = unconfirmedResolution { return word == .signedUnconfirmed ? "signed?" : "rejected?" }
        if let last = events.last(where: { [.opened, .appFetched, .preSigned, .dispatched].contains($0.kind) }) {
            return last.kind == .opened ? "opened" : last.kind.rawValue.replacingOccurrences(of: "_", with: " ")
        }
        switch pushed {
        case true?: return "pushed"
        case false?: return "not pushed"
        case nil: return "creating"
        }
    }
}
