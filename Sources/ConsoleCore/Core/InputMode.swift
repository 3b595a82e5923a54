/// What typed characters do right now.
public enum InputMode: Sendable, Equatable {
    /// Keys are commands (the Keymap applies).
    case normal
    /// Typing edits the Users filter (`/`).
    case filter
    /// Typing edits the `:` command line.
    case command
    /// Typing goes into the Compose editor (entered with Enter/i, left with Esc).
    case edit
}
