import Foundation
import Testing

/// Programs the cross-checks need (a python with segno, zbarimg), and what to do when one is missing:
/// with `CI` set that is a failure, elsewhere a known issue that says why the check did not run.
enum ExternalTool {
    /// Runs `arguments` (the first one looked up on PATH), returning status and standard output.
    @discardableResult
    static func run(_ arguments: [String], input: Data? = nil) throws -> (status: Int32, output: Data, error: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = arguments
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input == nil ? FileHandle.nullDevice : inp
        try p.run()
        if let input {
            inp.fileHandleForWriting.write(input)
            try? inp.fileHandleForWriting.close()
        }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, o, String(decoding: e, as: UTF8.self))
    }

    static var inCI: Bool { !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty }

    /// Reports that a check could not run: a failure in CI, a known issue (with the reason printed) elsewhere.
    static func missing(_ why: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if inCI {
            Issue.record("\(why) (CI is set, so this check must run)", sourceLocation: sourceLocation)
        } else {
            print("⚠︎ skipped: \(why)")
            withKnownIssue("\(why); set CI to make this a failure") {
                Issue.record(Comment(rawValue: why), sourceLocation: sourceLocation)
            }
        }
    }

    /// A python interpreter that imports segno: `PUSHDESK_TEST_PYTHON`, else `python3`; nil with the reason.
    static func segnoPython() -> (path: String?, why: String) {
        let env = ProcessInfo.processInfo.environment["PUSHDESK_TEST_PYTHON"] ?? ""
        let candidates = env.isEmpty ? ["python3"] : [env]
        for python in candidates {
            if let r = try? run([python, "-c", "import segno"]), r.status == 0 { return (python, "") }
        }
        return (nil, env.isEmpty
            ? "no python with segno: set PUSHDESK_TEST_PYTHON to one (python3 -m venv V && V/bin/pip install segno==1.6.6), `python3 -c 'import segno'` failed"
            : "PUSHDESK_TEST_PYTHON=\(env) cannot import segno")
    }

    /// Whether `zbarimg` (Debian zbar-tools) runs.
    static var zbarimgAvailable: Bool { (try? run(["zbarimg", "--version"]))?.status == 0 }
}
