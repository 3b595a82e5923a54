import Foundation

/// Runs `$VISUAL` / `$EDITOR` (default `vi`) on a temporary file; call with the terminal suspended.
enum ExternalEditor {
    /// The edited text, or `nil` when the editor failed or left the text unchanged.
    static func edit(_ text: String) -> String? {
        let env = ProcessInfo.processInfo.environment
        let editor = env["VISUAL"].flatMap { $0.isEmpty ? nil : $0 } ?? env["EDITOR"].flatMap { $0.isEmpty ? nil : $0 } ?? "vi"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pushdesk-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        do { try text.write(to: file, atomically: true, encoding: .utf8) } catch { return nil }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "\(editor) \"$1\"", "editor", file.path]
        do { try p.run() } catch { return nil }
        p.waitUntilExit()
        guard p.terminationStatus == 0, let edited = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        return edited == text ? nil : edited
    }
}
