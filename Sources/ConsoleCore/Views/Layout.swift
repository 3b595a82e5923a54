/// Where everything goes for a terminal size. Shared by `update` (page sizes, scrolling) and `view`.
public struct Layout: Sendable, Equatable {
    public static let minWidth = 80, minHeight = 24
    /// Full four-pane layout from this size on; below it only the focused pane is shown.
    public static let fullWidth = 100, fullHeight = 30

    public var tooSmall: Bool
    /// Only the focused pane is shown (80×24 up to the full size).
    public var compact: Bool
    public var panes: [Pane: Rect]
    public var log: Rect?
    public var statusRow: Int
    public var footerRow: Int

    public init(width: Int, height: Int, focus: Pane, showLog: Bool) {
        tooSmall = width < Layout.minWidth || height < Layout.minHeight
        compact = width < Layout.fullWidth || height < Layout.fullHeight
        statusRow = height - 2
        footerRow = height - 1
        panes = [:]
        log = nil
        guard !tooSmall else { return }
        var bodyHeight = height - 3
        if showLog {
            let logHeight = compact ? 6 : min(10, max(6, bodyHeight / 4))
            log = Rect(x: 0, y: 1 + bodyHeight - logHeight, width: width, height: logHeight)
            bodyHeight -= logHeight
        }
        if compact {
            panes[focus] = Rect(x: 0, y: 1, width: width, height: bodyHeight)
            return
        }
        let leftWidth = width * 11 / 20
        let usersHeight = bodyHeight * 11 / 20
        let composeHeight = bodyHeight * 3 / 5
        panes[.users] = Rect(x: 0, y: 1, width: leftWidth, height: usersHeight)
        panes[.payloads] = Rect(x: 0, y: 1 + usersHeight, width: leftWidth, height: bodyHeight - usersHeight)
        panes[.compose] = Rect(x: leftWidth, y: 1, width: width - leftWidth, height: composeHeight)
        panes[.detail] = Rect(x: leftWidth, y: 1 + composeHeight, width: width - leftWidth, height: bodyHeight - composeHeight)
    }

    public init(_ state: ConsoleState) {
        self.init(width: state.width, height: state.height, focus: state.focus, showLog: state.showLog)
    }

    /// Visible list rows of the Users pane (inside the border, below the column header).
    public var userRows: Int { max(1, (panes[.users]?.inner.height ?? 1) - 1) }
    public var payloadRows: Int { max(1, (panes[.payloads]?.inner.height ?? 1) - 1) }

    /// Editor lines in Compose: inside the border, minus 2 header lines and the findings list.
    public func editorRows(findings: Int) -> Int {
        let inner = panes[.compose]?.inner.height ?? 3
        return max(1, inner - 2 - Layout.findingsRows(findings))
    }

    /// Rows the findings list takes under the editor.
    public static func findingsRows(_ count: Int) -> Int { count == 0 ? 0 : min(count, 3) + 1 }
}
