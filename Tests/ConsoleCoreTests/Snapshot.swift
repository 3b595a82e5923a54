import ConsoleCore
import Foundation
import Testing

/// Text snapshots under `Snapshots/`: the characters, then the style layer. `SNAPSHOT_RECORD=1` rewrites them.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static func render(_ buffer: Buffer) -> String {
        buffer.text() + "\n--- styles ---\n" + buffer.styleText() + "\n"
    }

    static func assert(_ buffer: Buffer, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let actual = render(buffer)
        let url = directory.appendingPathComponent(name + ".txt")
        let record = ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1"
        guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            if !record { Issue.record("recorded missing snapshot \(name) — review and commit it", sourceLocation: sourceLocation) }
            return
        }
        if let diff = lineDiff(expected: expected, actual: actual) {
            Issue.record("snapshot \(name) differs (SNAPSHOT_RECORD=1 to accept):\n\(diff)", sourceLocation: sourceLocation)
        }
    }

    /// A minimal line diff: `-` expected / `+` actual for each differing line, `nil` when equal.
    static func lineDiff(expected: String, actual: String) -> String? {
        guard expected != actual else { return nil }
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        var out: [String] = []
        for i in 0..<max(e.count, a.count) {
            let l = i < e.count ? e[i] : nil, r = i < a.count ? a[i] : nil
            if l != r {
                if let l { out.append("\(i + 1) - \(l)") }
                if let r { out.append("\(i + 1) + \(r)") }
            }
            if out.count > 40 { out.append("…"); break }
        }
        return out.joined(separator: "\n")
    }
}
