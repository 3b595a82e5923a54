import Domain

/// The mouse, as in k9s and lazygit: a click focuses the pane under it and, in a list, selects the
/// clicked row; the wheel scrolls the pane under the pointer (three rows a notch). A click never
/// pushes or cancels: those keep their confirm dialog and its `y`.
extension ConsoleCore {
    /// Rows one wheel notch moves.
    public static let wheelStep = 3

    static func handleMouse(_ state: inout ConsoleState, _ event: MouseEvent, _ layout: Layout) -> [Cmd] {
        if let overlay = state.overlay {
            // Only the help scrolls under the wheel; a dialog waits for its keys.
            if case .help = overlay {
                switch event.action {
                case .wheelUp: state.helpScroll = max(0, state.helpScroll - wheelStep)
                case .wheelDown: state.helpScroll += wheelStep
                case .press: break
                }
            }
            return []
        }
        // Typing goes on in the pane being typed in; the pointer does not move it.
        guard state.mode == .normal || state.mode == .edit else { return [] }
        guard let (pane, rect) = layout.panes.first(where: { $0.value.contains(x: event.x, y: event.y) }) else { return [] }
        switch event.action {
        case .wheelUp, .wheelDown:
            guard state.mode == .normal else { return [] }
            let before = state.focus
            state.focus = pane
            move(&state, by: event.action == .wheelUp ? -wheelStep : wheelStep)
            // The wheel scrolls where it points without taking the focus away.
            state.focus = before
            clampScrolls(&state)
        case .press(let button):
            guard button == 0 else { return [] }
            if state.mode == .edit, pane != .compose { state.mode = .normal }
            state.focus = pane
            // The list row under the pointer (the first inner row is the column header).
            let row = event.y - rect.inner.y - 1
            switch pane {
            case .users where row >= 0:
                let index = state.userScroll + row
                if index < state.users.visible.count { state.userCursor = index }
            case .payloads where row >= 0:
                let index = state.payloadScroll + row
                if index < state.payloads.count, index != state.payloadCursor {
                    state.payloadCursor = index
                    state.detailScroll = 0
                }
            default:
                break
            }
            clampScrolls(&state)
        }
        return []
    }
}
