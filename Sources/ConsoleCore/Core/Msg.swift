import Foundation
import Domain
import XRPLTx

/// Everything that can happen to the console: keys, time, and what the Runtime found out. Every
/// case carries facts; what the operator is told about them is decided in `ConsoleCore.update`.
public enum Msg: Sendable, Equatable {
    /// The loop is running: the first message, once. `update` answers with the start-up loads.
    case started
    case key(Key)
    case resize(width: Int, height: Int)
    /// The clock; the only source of time for ConsoleCore.
    case tick(Date)
    case usersLoaded([KnownUser])
    case userUpdated(KnownUser)
    case templatesLoaded([TxTemplate])
    /// A page of the store's payloads, newest first (`Cmd.loadPayloads`).
    case payloadsLoaded([PayloadRecord])
    /// A followed payload changed (a status event, the final GET).
    case payloadUpserted(PayloadRecord)
    /// A push created this payload (saved in the store); `bulk` when it is part of a bulk push.
    case pushCreated(PayloadRecord, bulk: Bool)
    /// A push to `userToken` (nil: no user) failed; nothing was created, or the platform refused it.
    case pushFailed(userToken: String?, Failure)
    /// Payloads a stopped process created but never saved, taken in at start (`Cmd.recoverIntents`).
    case intentsRecovered([PayloadRecord])
    /// What other processes changed in the shared store (`Cmd.followStore`), as stored now.
    case storeChanged(StoreUpdate)
    /// The store stopped answering (its failure), or answers again (nil).
    case storeReachability(Failure?)
    /// A payload the console asked to follow is not followed by it (see ``NotFollowingReason``).
    case notFollowing(uuid: String, NotFollowingReason)
    /// QR modules for a payload's deep link (`true` = dark), drawn with half blocks in Detail.
    case qrReady(uuid: String, modules: [[Bool]])
    case requestLogged(RequestLogEntry)
    case rateLimit(limit: Int?, remaining: Int?)
    case inboxStatus(address: String?, deliveries: Int)
    /// Token check answer: token → active. `requested` when the operator asked (`v`), false for the
    /// check the push dialog makes.
    case tokensVerified([String: Bool], requested: Bool)
    /// The token check failed.
    case tokenCheckFailed(Failure, requested: Bool)
    /// The background token sweep ended (see ``TokenSweep``).
    case tokenSweepFinished(TokenSweepReport)
    /// The platform's answer to a cancel: its reason code (`OK`, `ALREADY_OPENED`, ...).
    case cancelAnswered(uuid: String, reason: String)
    case cancelFailed(uuid: String, Failure)
    /// A load (`users`, `payloads`, `templates`) failed.
    case loadFailed(LoadKind, Failure)
    case bulkProgress(BulkProgress)
    /// `$EDITOR` returned this text (`nil` = aborted or failed).
    case editorFinished(String?)
}

/// What a `loadFailed` message was loading.
public enum LoadKind: String, Sendable, Equatable {
    case users, payloads, templates
}
