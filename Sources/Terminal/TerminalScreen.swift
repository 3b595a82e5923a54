import CNcursesw
import ConsoleCore
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The only ncurses code. Owns the screen, draws `Buffer`s by diffing against the previous frame,
/// decodes keys, and always restores the terminal (deinit, `restore()`, atexit, fatal signals).
///
/// **Threading rule:** a `TerminalScreen` is not `Sendable`. Create it, call every method on it, and
/// let it die on ONE thread (the terminal thread; usually a dedicated `Thread` running `run(...)`).
/// Other tasks talk to it only through a `FrameMailbox` (`post` a frame, `perform` a job, `stop`).
public final class TerminalScreen {
    private var screen: OpaquePointer?
    private var window: UnsafeMutablePointer<WINDOW>?
    private var previous: Buffer?
    private var pairs: [PairKey: Int32] = [:]
    private var colors: Bool
    private var pendingKeys: [Key] = []
    private var suspended = false
    /// Set when the terminal went away (pty closed): reads fail at once, so the loop must end.
    private var hungUp = false

    private struct PairKey: Hashable { var fg: Tone?; var bg: Tone? }

    /// Starts curses on the controlling terminal. Throws `TerminalError` when stdin/stdout is not a
    /// terminal or `TERM` has no usable terminfo entry.
    /// - Parameter mouse: report clicks and the wheel (SGR mouse mode); off with `--no-mouse`, which
    ///   leaves the terminal's own selection and scrolling alone.
    public init(noColor: Bool, mouse: Bool = true) throws {
        guard isatty(0) == 1, isatty(1) == 1 else { throw TerminalError.notATerminal }
        if setlocale(LC_ALL, "") == nil { setlocale(LC_ALL, "C.UTF-8") }
        setenv("ESCDELAY", "25", 0)
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        guard !term.isEmpty, let scr = newterm(nil, pd_stdout(), pd_stdin()) else { throw TerminalError.unusableTerm(term) }
        screen = scr
        set_term(scr)
        SignalGuard.install()
        SignalGuard.active.store(true, ordering: .sequentiallyConsistent)
        let win = pd_stdscr()
        window = win
        pd_set_escdelay(25)
        raw()
        noecho()
        nonl()
        intrflush(win, false)
        keypad(win, true)
        curs_set(0)
        colors = !noColor && has_colors()
        if colors {
            start_color()
            use_default_colors()
        }
        TerminalScreen.mouseWanted.store(mouse, ordering: .relaxed)
        TerminalScreen.enableBracketedPaste()
    }

    deinit { restore() }

    /// Current size in cells.
    public var size: (width: Int, height: Int) {
        guard let window else { return (0, 0) }
        var h: Int32 = 0, w: Int32 = 0
        pd_getmaxyx(window, &h, &w)
        return (Int(w), Int(h))
    }

    // MARK: Drawing

    /// Draws `buffer`, writing only cells that differ from the previous frame.
    public func draw(_ buffer: Buffer) {
        guard let window, !suspended else { return }
        let (w, h) = size
        var full = previous == nil || previous!.width != buffer.width || previous!.height != buffer.height
        if full { werase(window) }
        if w != buffer.width || h != buffer.height { full = true }
        let old = full ? nil : previous
        for y in 0..<min(h, buffer.height) {
            var x = 0
            while x < min(w, buffer.width) {
                let cell = buffer[x, y]
                if cell.isContinuation { x += 1; continue }
                if let old, old[x, y] == cell, cell.width == 1 || (x + 1 < old.width && old[x + 1, y] == buffer[x + 1, y]) {
                    x += 1; continue
                }
                // Batch a run of changed single-width cells with the same style.
                var run = cell.grapheme
                var end = x + 1
                if cell.width == 1 {
                    while end < min(w, buffer.width) {
                        let next = buffer[end, y]
                        if next.width != 1 || next.style != cell.style { break }
                        if let old, old[end, y] == next { break }
                        run += next.grapheme
                        end += 1
                    }
                } else {
                    end = x + Int(cell.width)
                }
                apply(cell.style, window)
                wmove(window, Int32(y), Int32(x))
                run.withCString { _ = waddstr(window, $0) }
                x = end
            }
        }
        wnoutrefresh(window)
        doupdate()
        previous = buffer
    }

    /// Forces the next `draw` to repaint everything.
    public func invalidate() {
        previous = nil
        if let window { clearok(window, true) }
    }

    private func apply(_ style: Style, _ window: UnsafeMutablePointer<WINDOW>) {
        var attrs = pd_a_normal()
        if style.bold { attrs |= pd_a_bold() }
        if style.reverse { attrs |= pd_a_reverse() }
        if style.underline { attrs |= pd_a_underline() }
        if style.dim { attrs |= pd_a_dim() }
        var pair: Int32 = 0
        if colors, style.fg != nil || style.bg != nil { pair = colorPair(PairKey(fg: style.fg, bg: style.bg)) }
        _ = pd_wattr_set(window, attrs, pair)
    }

    private func colorPair(_ key: PairKey) -> Int32 {
        if let p = pairs[key] { return p }
        let n = Int32(pairs.count + 1)
        guard n < pd_color_pairs() else { return 0 }
        init_pair(Int16(n), Int16(TerminalScreen.color(key.fg)), Int16(TerminalScreen.color(key.bg)))
        pairs[key] = n
        return n
    }

    private static func color(_ tone: Tone?) -> Int32 {
        switch tone {
        case nil: return -1
        case .fresh?: return COLOR_GREEN
        case .expiring?: return COLOR_YELLOW
        case .expired?: return COLOR_RED
        case .revoked?: return COLOR_MAGENTA
        case .accent?: return COLOR_CYAN
        case .info?: return COLOR_BLUE
        case .paper?: return COLOR_WHITE
        case .ink?: return COLOR_BLACK
        }
    }

    // MARK: Input

    /// Waits up to `timeoutMs` for a key (`0` = poll, negative = block). Returns `nil` on timeout or
    /// when a signal interrupted the wait.
    public func readKey(timeoutMs: Int32) -> Key? {
        if !pendingKeys.isEmpty { return pendingKeys.removeFirst() }
        guard let window, !suspended else { return nil }
        guard let first = rawRead(window, timeoutMs) else { return nil }
        switch first {
        case .code(let code): return decode(code: code)
        case .char(27): return escape(window)
        case .char(let c):
            guard let key = decode(char: c) else { return nil }
            // A burst of printable characters already waiting is a paste (ConsoleCore replays it as
            // single keys outside text input).
            guard case .char(let ch) = key else { return key }
            var text = String(ch)
            while text.count < 65536, let next = rawRead(window, 0) {
                if case .char(let v) = next, v >= 32, v != 127, let s = Unicode.Scalar(v) {
                    text.unicodeScalars.append(s)
                } else if case .char(let v) = next, v == 10 || v == 13 {
                    text.append("\n")
                } else {
                    if case .char(let v) = next, let k = (v == 27 ? escape(window) : decode(char: v)) { pendingKeys.append(k) }
                    if case .code(let c) = next, let k = decode(code: c) { pendingKeys.append(k) }
                    break
                }
            }
            return text.count == 1 && text.unicodeScalars.count == 1 ? key : .paste(text)
        }
    }

    private enum Raw { case char(UInt32), code(Int32) }

    private func rawRead(_ window: UnsafeMutablePointer<WINDOW>, _ timeoutMs: Int32) -> Raw? {
        wtimeout(window, timeoutMs)
        var wch: wint_t = 0
        let r = wget_wch(window, &wch)
        if r == pd_key_code_yes() { return .code(Int32(wch)) }
        if r == OK { return .char(UInt32(wch)) }
        // ERR: a timeout, or a terminal that is gone (then every read fails at once and would spin).
        var pfd = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        if poll(&pfd, 1, 0) > 0, pfd.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { hungUp = true }
        return nil
    }

    private func decode(code: Int32) -> Key? {
        switch code {
        case pd_key_resize(): return .resize
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_DC: return .delete
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backtab
        default: return nil
        }
    }

    private func decode(char v: UInt32) -> Key? {
        switch v {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .esc
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(v + 96)!))
        case 0..<32: return nil
        default: return Unicode.Scalar(v).map { .char(Character($0)) }
        }
    }

    /// ESC alone, a bracketed paste (`ESC [200~ … ESC [201~`), or an unknown sequence (dropped).
    private func escape(_ window: UnsafeMutablePointer<WINDOW>) -> Key? {
        var seq: [UInt32] = []
        while seq.count < 16, let r = rawRead(window, 0), case .char(let v) = r { seq.append(v); if seq.count == 5 { break } }
        if seq.isEmpty { return .esc }
        if seq.starts(with: [0x5B, 0x3C]) { return mouse(window, seq) }
        guard seq == Array("[200~".unicodeScalars.map(\.value)) else {
            while rawRead(window, 0) != nil {}
            return nil
        }
        var text: [UInt32] = []
        let endMarker = Array("\u{1B}[201~".unicodeScalars.map(\.value))
        while text.count < 1 << 20, let r = rawRead(window, 50) {
            guard case .char(let v) = r else { continue }
            text.append(v)
            if text.count >= endMarker.count, Array(text.suffix(endMarker.count)) == endMarker {
                text.removeLast(endMarker.count); break
            }
        }
        var s = ""
        for v in text {
            if v == 13 || v == 10 { s.append("\n") } else if let u = Unicode.Scalar(v) { s.unicodeScalars.append(u) }
        }
        return .paste(s)
    }

    /// `ESC [ < button ; x ; y M` (press; `m` release), 1-based cells. Wheel notches are buttons
    /// 64 and 65; modifier bits (4, 8, 16) are ignored; releases and drags report nothing.
    private func mouse(_ window: UnsafeMutablePointer<WINDOW>, _ start: [UInt32]) -> Key? {
        var seq = start
        while seq.count < 32, seq.last != 0x4D, seq.last != 0x6D, let r = rawRead(window, 0), case .char(let v) = r { seq.append(v) }
        guard let last = seq.last, last == 0x4D || last == 0x6D else { return nil }
        let body = String(String.UnicodeScalarView(seq.dropFirst(2).dropLast().compactMap(Unicode.Scalar.init)))
        let fields = body.split(separator: ";").compactMap { Int($0) }
        guard fields.count == 3, last == 0x4D else { return nil }
        let code = fields[0] & ~(4 | 8 | 16)
        let action: MouseEvent.Action
        switch code {
        case 64: action = .wheelUp
        case 65: action = .wheelDown
        case 0, 1, 2: action = .press(button: code)
        default: return nil // drags (32+) and other buttons
        }
        return .mouse(MouseEvent(x: fields[1] - 1, y: fields[2] - 1, action: action))
    }

    // MARK: Lifecycle

    /// Leaves curses mode temporarily (e.g. around `$EDITOR`); `resume()` returns to it.
    public func suspend() {
        guard window != nil, !suspended else { return }
        TerminalScreen.disableBracketedPaste()
        def_prog_mode()
        endwin()
        SignalGuard.active.store(false, ordering: .sequentiallyConsistent)
        suspended = true
    }

    /// Returns to curses mode after `suspend()` and repaints the next frame fully.
    public func resume() {
        guard let window, suspended else { return }
        reset_prog_mode()
        SignalGuard.active.store(true, ordering: .sequentiallyConsistent)
        suspended = false
        TerminalScreen.enableBracketedPaste()
        invalidate()
        wrefresh(window)
    }

    /// Restores the terminal for good. Idempotent; also run by deinit, atexit and fatal signals.
    public func restore() {
        guard let scr = screen else { return }
        if !suspended { SignalGuard.emergencyRestore() }
        SignalGuard.active.store(false, ordering: .sequentiallyConsistent)
        delscreen(scr)
        screen = nil
        window = nil
    }

    /// The pending SIGINT/SIGTERM/SIGHUP, consumed.
    public func takeTerminationSignal() -> Int32? {
        let s = SignalGuard.pending.exchange(0, ordering: .sequentiallyConsistent)
        if s == 0, hungUp { return SIGHUP }
        return s == 0 ? nil : s
    }

    /// Whether the mouse modes go on with bracketed paste.
    static let mouseWanted = Atomic<Bool>(false)

    /// Bracketed paste, and the mouse (button events, SGR coordinates) when wanted.
    static func enableBracketedPaste() {
        write("\u{1B}[?2004h")
        if mouseWanted.load(ordering: .relaxed) { write("\u{1B}[?1000h\u{1B}[?1006h") }
    }
    /// Both off (async-signal-safe: a fatal signal's restore calls it).
    static func disableBracketedPaste() { write("\u{1B}[?2004l\u{1B}[?1006l\u{1B}[?1000l") }
    private static func write(_ s: StaticString) {
        s.withUTF8Buffer { b in b.withMemoryRebound(to: CChar.self) { pd_write_stdout($0.baseAddress, Int32($0.count)) } }
    }
}
