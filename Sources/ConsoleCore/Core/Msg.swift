import Foundation
import Domain
import XRPLTx

/// Everything that can happen to the console: keys, time, and results the Runtime reports.
public enum Msg: Sendable, Equatable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// The clock; the only source of time for ConsoleCore.
    case tick(Date)
    case usersLoaded([KnownUser])
    case userUpdated(KnownUser)
    case templatesLoaded([TxTemplate])
    case payloadUpserted(PayloadRecord)
    case payloadsLoaded([PayloadRecord])
    /// QR modules for a payload's deep link (`true` = dark), drawn with half blocks in Detail.
    case qrReady(uuid: String, modules: [[Bool]])
    case requestLogged(RequestLogEntry)
    case rateLimit(limit: Int?, remaining: Int?)
    case inboxStatus(address: String?, deliveries: Int)
    /// Preflight/verification answer: token → active.
    case tokensVerified([String: Bool])
    case bulkProgress(BulkProgress)
    /// `$EDITOR` returned this text (`nil` = aborted or failed).
    case editorFinished(String?)
    case notice(String)
    case error(String)
}
