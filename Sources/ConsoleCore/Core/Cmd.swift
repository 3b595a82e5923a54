import Domain

/// Effects the console asks the Runtime to perform. ConsoleCore never performs I/O itself; the
/// Runtime answers each with the `Msg` named here.
public enum Cmd: Sendable, Equatable {
    /// Read every known user; answer `.usersLoaded` or `.loadFailed(.users, …)`.
    case loadUsers
    /// Read the template library; answer `.templatesLoaded` or `.loadFailed(.templates, …)`.
    case loadTemplates
    /// Read the newest `limit` payloads from the store; answer `.payloadsLoaded` or `.loadFailed(.payloads, …)`.
    case loadPayloads(limit: Int)
    /// Report the webhook inbox's address and delivery count; answer `.inboxStatus` (nothing without an inbox).
    case loadInboxStatus
    /// Take in pushes a stopped process created but never saved; answer `.intentsRecovered`.
    case recoverIntents
    /// Follow the payload's status to its final state, holding its lease; answer `.payloadUpserted`
    /// per change and `.userUpdated` when a signature renews the user's token, or `.notFollowing`
    /// when another process holds the lease or it cannot be claimed.
    case follow(PayloadRecord)
    /// Follow the store's change feed: answer `.storeChanged` with what other processes changed (as
    /// stored now), and `.storeReachability` when the store stops or starts answering again. After a
    /// dropped connection it catches up from the last change it read.
    case followStore
    /// Encode `text` (a deep link) as a QR code; answer `.qrReady`.
    case renderQR(uuid: String, text: String)
    /// Check tokens before a push (emitted when the confirm dialog opens); answer `.tokensVerified(requested: false)`.
    case preflight(tokens: [String])
    /// Create the payload(s), paced by the rate limit; answer `.pushCreated` / `.pushFailed` per
    /// payload, and `.bulkProgress` for several users. Only emitted after `y` in the confirm dialog.
    case push(PushRequest)
    /// Cancel a payload; answer `.cancelAnswered` or `.cancelFailed`. Only emitted after its own confirm.
    case cancel(uuid: String)
    /// Verify tokens on operator request; answer `.tokensVerified(requested: true)`.
    case verifyTokens([String])
    /// Check every known token's liveness in the background, in batches paced inside the rate limit
    /// (pushes keep their share); each changed user answers `.userUpdated`, the end `.tokenSweepFinished`.
    case sweepTokens([String])
    /// Suspend the terminal, run `$EDITOR` on the text, answer `.editorFinished`.
    case openEditor(text: String)
    /// Stop a running bulk push (its progress reports the rest as skipped).
    case stopBulk
    /// End the console: stop the loop and restore the terminal.
    case quit
}
