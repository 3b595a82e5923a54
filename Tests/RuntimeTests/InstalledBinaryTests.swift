import AsyncHTTPClient
import Foundation
import Testing
import XummPlatform
import XummSimulator

/// An installed `pushdesk` (the binary copied out of `.build`, no checkout) still has its templates,
/// its demo cast and the simulator's sign page: they are generated into code, never read from
/// `assets/` by path. The copy runs from a temporary folder; where the machine allows a private
/// mount namespace (`unshare --mount`, root), the checkout itself is hidden under an empty tmpfs,
/// which is as good as deleting it.
@Suite(.serialized, .enabled(if: TmuxSession.binary != nil, "needs `swift build`"))
struct InstalledBinaryTests {
    /// `swift build --show-bin-path`, run from the checkout (bounded: it must not wait on a lock held
    /// by the `swift test` that runs us); falls back to the debug folder the other end-to-end tests use.
    static func binPath() -> String? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["swift", "build", "--show-bin-path"]
        p.currentDirectoryURL = TmuxSession.repoRoot
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return nil }
        let killer = Task { try? await Task.sleep(for: .seconds(60)); if p.isRunning { p.terminate() } }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        killer.cancel()
        let path = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard p.terminationStatus == 0, !path.isEmpty else { return nil }
        return path
    }

    /// The copied binary and how to run it: through `unshare` with the checkout hidden, when possible.
    struct Installed {
        let binary: String
        let workDir: URL
        let hidesCheckout: Bool
        /// Where the copy came from (`swift build --show-bin-path`, or the fallback).
        let source: String

        init() throws {
            let bin = InstalledBinaryTests.binPath().map { $0 + "/pushdesk" }.flatMap { FileManager.default.isExecutableFile(atPath: $0) ? $0 : nil }
                ?? TmuxSession.binary!
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("pd-installed-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: root.appendingPathComponent("bin"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: root.appendingPathComponent("elsewhere"), withIntermediateDirectories: true)
            binary = root.appendingPathComponent("bin/pushdesk").path
            source = bin
            try FileManager.default.copyItem(atPath: bin, toPath: binary)
            workDir = root.appendingPathComponent("elsewhere")
            // Can this process hide the checkout? Try once with a harmless command.
            let probe = try PushDeskRun.run("/usr/bin/env", ["unshare", "--mount", "--propagation", "private", "sh", "-c",
                                                               "mount -t tmpfs none \"$0\" && test ! -e \"$0/Package.swift\"", TmuxSession.repoRoot.path])
            hidesCheckout = probe.status == 0
        }

        /// The command line that runs the copy with `args`, from `workDir`, the checkout hidden if possible.
        func command(_ args: [String]) -> (String, [String]) {
            let quoted = ([binary] + args).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
            let hide = hidesCheckout ? "mount -t tmpfs none '\(TmuxSession.repoRoot.path)' && " : ""
            return ("/usr/bin/env", ["unshare", "--mount", "--propagation", "private", "sh", "-c",
                                     "\(hide)cd '\(workDir.path)' && exec env -u PUSHDESK_ASSETS \(quoted)"])
        }

        func run(_ args: [String]) throws -> PushDeskRun {
            let (exe, argv) = command(args)
            return try PushDeskRun.run(exe, argv)
        }

        func remove() { try? FileManager.default.removeItem(at: workDir.deletingLastPathComponent()) }
    }

    @Test func templatesAndTheirTxjsonComeFromTheBinary() throws {
        let installed = try Installed()
        defer { installed.remove() }
        print("installed-binary check: \(installed.source) copied to \(installed.binary), checkout hidden: \(installed.hidesCheckout)")
        let list = try installed.run(["tx", "templates"])
        #expect(list.status == 0, "\(list.stderr)")
        for name in ["SignIn", "Payment-XRP", "Payment-Token", "TrustSet", "AccountSet-Domain", "OfferCreate", "NFTokenCreateOffer", "EscrowCreate"] {
            #expect(list.stdout.contains(name), "\(name) missing from:\n\(list.stdout)")
        }
        #expect(list.stdout.hasPrefix("SignIn"))
        let signIn = try installed.run(["tx", "new", "SignIn"])
        #expect(signIn.status == 0, "\(signIn.stderr)")
        #expect(signIn.stdout.contains(#""TransactionType": "SignIn""#), "\(signIn.stdout)")
    }

    @Test func theSimulatorServesItsCastAndSignPage() async throws {
        let installed = try Installed()
        defer { installed.remove() }
        let key = "cccccccc-1111-4222-8333-444444444444", secret = "dddddddd-5555-4666-8777-888888888888"
        let (exe, argv) = installed.command(["simulator", "--port", "0", "--api-key", key, "--api-secret", secret, "--log-level", "error"])
        let (process, banner) = try SimulatorBanner.launch(binary: exe, arguments: argv)
        defer { process.terminate(); process.waitUntilExit() }
        let client = XummClient(baseURL: banner.apiBase, credentials: XummCredentials(apiKey: key, apiSecret: secret), timeout: .seconds(10))
        let users = try await HTTPClient.shared.execute(HTTPClientRequest(url: banner.baseURL + "/_sim/users"), timeout: .seconds(10))
        let cast = try JSONSerialization.jsonObject(with: Data(try await users.body.collect(upTo: 1 << 20).readableBytesView)) as? [[String: Any]] ?? []
        #expect(cast.contains { $0["name"] as? String == "alice" } && cast.count == 12, "\(cast.count) users")
        let created = try await client.createPayload(PayloadCreateRequest(
            txjson: try TxJSON(text: #"{"TransactionType":"SignIn"}"#), customMeta: CustomMeta(instruction: "installed check")))
        let page = try await HTTPClient.shared.execute(HTTPClientRequest(url: created.next.always), timeout: .seconds(10))
        let html = String(decoding: Data(try await page.body.collect(upTo: 1 << 20).readableBytesView), as: UTF8.self)
        #expect(page.status.code == 200)
        #expect(html.contains("Sign request") && html.contains(created.uuid) && html.contains("installed check"), "\(html)")
    }

    /// The design side: nothing shipped finds a file through its source path, and no module bundles
    /// resources a copied binary would lose.
    @Test func noSourcePathLookupsInShippedCode() throws {
        let fm = FileManager.default
        var offenders: [String] = []
        for folder in ["Sources", "Benchmarks"] {
            let base = TmuxSession.repoRoot.appendingPathComponent(folder)
            let files = fm.enumerator(atPath: base.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
            for file in files {
                let text = try String(contentsOf: base.appendingPathComponent(file), encoding: .utf8)
                for needle in ["#filePath", "#file)", "#file ", "#fileID", "Bundle.module"] where text.contains(needle) {
                    offenders.append("\(folder)/\(file): \(needle)")
                }
            }
        }
        #expect(offenders.isEmpty, "\(offenders)")
        let manifest = try String(contentsOf: TmuxSession.repoRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(!manifest.contains(".process(") && !manifest.contains(".copy("), "a target declares resources")
    }
}
