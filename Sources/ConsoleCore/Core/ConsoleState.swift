import Foundation
import Domain
import XRPLTx

/// Everything the console shows. A value: only `ConsoleCore.update` changes it.
public struct ConsoleState: Sendable, Equatable {
    // Environment
    /// `SIMULATOR` or the API host.
    public var backend: String
    public var readOnly: Bool
    /// Who this console records as the operator (`dana@desk2`), so its own pushes read "from you".
    public var operatorName: String?
    public var noColor: Bool
    /// Current time (from `.tick`).
    public var now: Date
    /// Offset added to UTC for displayed clock times (seconds). The Runtime may set the local offset.
    public var utcOffsetSeconds: Int = 0
    public var width: Int = 120
    public var height: Int = 35

    // Navigation
    public var focus: Pane = .users
    public var mode: InputMode = .normal
    public var overlay: Overlay?
    public var status: StatusLine?
    public var commandText: String = ""
    public var showLog: Bool = false
    /// First line shown in the help overlay (it scrolls when taller than the screen).
    public var helpScroll: Int = 0
    public var quitRequested: Bool = false

    // Users
    public var users = UserIndex()
    public var usersLoaded = false
    /// The background check of every known token (see ``TokenSweep``).
    public var tokenSweep = TokenSweep()
    public var userCursor: Int = 0
    public var userScroll: Int = 0
    /// Multi-selected user tokens (Space).
    public var multiSelected: Set<String> = []
    /// The single push target chosen with Enter or `:user`.
    public var targetToken: String?

    // Compose
    public var editor = TextEditor(text: "")
    /// The Compose text parsed and validated once (see ``ConsoleCore.revalidate``).
    public var composed = ComposedTransaction(text: "")
    public var findings: [Finding] = []
    public var expireMinutes: Int? = 5
    public var instruction: String?
    public var templates: [TxTemplate] = []

    // Payloads
    public var payloads: [PayloadRecord] = []
    public var payloadCursor: Int = 0
    public var payloadScroll: Int = 0
    public var detailScroll: Int = 0
    public var qrCodes: [String: [[Bool]]] = [:]

    // Platform status
    public var requestLog: [RequestLogEntry] = []
    public var rateLimitLimit: Int?
    public var rateLimitRemaining: Int?
    public var inboxAddress: String?
    public var inboxDeliveries: Int = 0
    public var bulk: BulkProgress?
    /// The store as shared with other processes: reachability, payloads followed elsewhere.
    public var store = SharedStore()

    /// Keeps at most this many request log entries.
    public static let requestLogCapacity = 500
    /// How many of the store's newest payloads the Payloads pane loads at start.
    public static let payloadPageSize = 500

    public init(backend: String, readOnly: Bool, noColor: Bool, now: Date) {
        self.backend = backend
        self.readOnly = readOnly
        self.noColor = noColor
        self.now = now
    }

    /// The user under the Users cursor.
    public var cursorUser: KnownUser? { users.user(atVisible: userCursor) }

    /// The payload under the Payloads cursor (shown in Detail).
    public var selectedPayload: PayloadRecord? {
        payloads.indices.contains(payloadCursor) ? payloads[payloadCursor] : nil
    }

    /// Who a push goes to: the multi-selection if any (in sort order), else the chosen user.
    public var pushTargets: [String] {
        if !multiSelected.isEmpty {
            return multiSelected.sorted { (users.user(token: $0)?.displayName ?? $0) < (users.user(token: $1)?.displayName ?? $1) }
        }
        return targetToken.map { [$0] } ?? []
    }

    public var errorCount: Int { findings.filter { $0.severity == .error }.count }
}
