/// Effects the console asks the Runtime to perform. ConsoleCore never performs I/O itself.
public enum Cmd: Sendable, Equatable {
    case loadUsers
    /// Check tokens before a push (emitted when the confirm dialog opens); answer with `.tokensVerified`.
    case preflight(tokens: [String])
    /// Create the payload(s); only emitted after `y` in the confirm dialog.
    case push(PushRequest)
    /// Cancel a payload; only emitted after its own confirm.
    case cancel(uuid: String)
    /// Verify tokens on operator request; answer with `.tokensVerified`.
    case verifyTokens([String])
    /// Suspend the terminal, run `$EDITOR` on the text, answer with `.editorFinished`.
    case openEditor(text: String)
    /// Stop a running bulk push.
    case stopBulk
    case quit
}
