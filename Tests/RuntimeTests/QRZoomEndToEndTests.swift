import Foundation
import Testing

/// The QR screen in the real binary under tmux: grace's token is expired, so her payload is not pushed
/// and the operator shows her the QR; captured with its colours, drawn as a terminal draws it and read
/// back with zbarimg, it is the payload's deep link.
@Suite(.serialized, .enabled(if: TmuxSession.binary != nil && TmuxSession.tmuxAvailable, "needs `swift build` and tmux"))
struct QRZoomEndToEndTests {
    let binary = TmuxSession.binary ?? "pushdesk"

    /// In colour the code is white on black and decodes on any terminal theme; with `NO_COLOR` the
    /// terminal's colours draw it: as is on a light-on-dark terminal, inverted on a dark-on-light one.
    @Test(arguments: [false, true])
    func gracesZoomedQRIsWholeAt80x24AndDecodesToTheDeepLink(noColor: Bool) async throws {
        guard TerminalQR.zbarimgAvailable() else { return }
        let tmux = try TmuxSession(width: 80, height: 24)
        defer { tmux.kill() }
        try tmux.type(noColor ? "NO_COLOR=1 \(binary)" : binary)
        try tmux.key("Enter")
        try await tmux.waitFor { $0.contains("SIMULATOR") && $0.contains("grace") }
        for command in [":user grace", ":template SignIn", ":push"] {
            try tmux.type(command)
            try tmux.key("Enter")
            try await Task.sleep(for: .milliseconds(300))
        }
        try await tmux.waitFor { $0.contains("Confirm push") && $0.contains("grace") }
        try tmux.type("y")
        // The push lands in Payloads, selected (the newest); its row says what to do.
        let payloads = try await tmux.waitFor { $0.contains("not pushed") && $0.contains("z shows the QR") }
        #expect(payloads.split(separator: "\n").last?.contains("z QR") == true, "footer:\n\(payloads)")
        try tmux.type("z")
        let zoomed = try await tmux.waitFor { $0.contains("Esc/z/q close") && !$0.contains("rendering QR") }
        let link = try #require(zoomed.firstMatch(of: /https?:\/\/[^ ]+\/sign\/[0-9a-f-]{36}/).map { String($0.output) },
                                "no deep link under the code:\n\(zoomed)")
        #expect(!zoomed.contains("QR needs"), "the code fits 80×24:\n\(zoomed)")
        let lines = try tmux.captureWithEscapes().components(separatedBy: "\n")
        #expect(lines.joined().contains("\u{1B}[37m") != noColor, "colours as the mode asks")
        for theme in [TerminalQR.Theme.dark, .light] {
            let pgm = TerminalQR.pgm(TerminalQR.cells(ansi: lines, theme: theme), theme: theme)
            let inverted = noColor && theme.name == TerminalQR.Theme.light.name
            #expect(try TerminalQR.decode(pgm, tryInverted: inverted) == link, "\(theme), NO_COLOR \(noColor):\n\(zoomed)")
        }
        try tmux.type("z")
        try await tmux.waitFor { !$0.contains("Esc/z/q close") && $0.contains("Payloads") }
        try tmux.type("q")
    }
}
