/// What a key does in normal mode, resolved through the `Keymap`.
public enum Action: Sendable, Equatable {
    case quit, back, help
    case up, down, top, bottom, pageUp, pageDown
    case nextPane, previousPane, focus(Pane)
    case filter, command
    case toggleSelect, cycleSort, chooseUser, verify
    case templates, externalEdit, editMode, setExpire, setInstruction
    case push, cancelPayload, openDetail, toggleLog
    /// Show the selected payload's QR code and deep link full screen (``Overlay/qr(uuid:)``).
    case zoomQR
}
