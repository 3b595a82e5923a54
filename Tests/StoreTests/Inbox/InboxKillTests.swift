import AsyncHTTPClient
import Foundation
import Store
import Testing
import XummPlatform

/// Finds the built `pushdesk` executable next to the test bundle (or in the package's .build/debug).
enum PushdeskBinary {
    static func locate() -> URL? {
        var candidates: [URL] = []
        if let exe = Bundle.main.executableURL { candidates.append(exe.deletingLastPathComponent().appendingPathComponent("pushdesk")) }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("pushdesk"))
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/pushdesk"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}

/// A `pushdesk webhook serve` child process.
final class ServeProcess {
    let process: Process
    let url: String

    init(binary: URL, store: String, secret: String) throws {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["webhook", "serve", "--host", "127.0.0.1", "--port", "0", "--store", store, "--log-level", "error"]
        process.environment = ["XUMM_APISECRET": secret, "PATH": "/usr/bin:/bin"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        let handle = out.fileHandleForReading
        // The first line is the URL (blocking read; the child prints it as soon as it listens).
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while !Task.isCancelled {
            let n = read(handle.fileDescriptor, &byte, 1)
            if n < 0, errno == EINTR { continue }
            if n <= 0 || byte == UInt8(ascii: "\n") { break }
            bytes.append(byte)
        }
        let line = String(decoding: bytes, as: UTF8.self)
        guard line.hasPrefix("http://") else {
            process.terminate()
            throw CLIFailure(message: "serve printed no URL: \(line)")
        }
        url = line
    }

    var pid: Int32 { process.processIdentifier }
    func waitUntilExit() { process.waitUntilExit() }
    func terminate() -> Int32 { process.terminate(); process.waitUntilExit(); return process.terminationStatus }
}

struct CLIFailure: Error { var message: String }

@Suite("Inbox process killed during a flood")
struct InboxKillTests {
    static let secret = "kill-test-secret-0001"

    @Test(.enabled(if: PushdeskBinary.locate() != nil, "pushdesk binary not built: run `swift build` before `swift test`"))
    func everyAcknowledgedDeliverySurvivesSIGKILL() async throws {
        let binary = try #require(PushdeskBinary.locate())
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pushdesk-kill-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let storePath = dir.appendingPathComponent("pushdesk.sqlite").path

        let server = try ServeProcess(binary: binary, store: storePath, secret: Self.secret)
        let sender = WebhookSender(url: server.url, secret: Self.secret)
        let acked = Locked<[String]>([])
        let killAfter = 400
        let pid = server.pid
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    for i in 0..<100_000 {
                        let uuid = "w\(worker)-\(i)-\(UUID().uuidString.lowercased())"
                        guard let status = try? await sender.send(webhookBody(payload: uuid, token: "tok-\(uuid)")) else { return }
                        if status == 200 { acked.withLock { $0.append(uuid) } }
                    }
                }
            }
            group.addTask {
                while acked.value.count < killAfter { try await Task.sleep(for: .milliseconds(5)) }
                kill(pid, SIGKILL)
            }
            try await group.waitForAll()
        }
        server.waitUntilExit()
        #expect(server.process.terminationReason == .uncaughtSignal)
        let acknowledged = acked.value
        #expect(acknowledged.count >= killAfter)

        // Restart on the same store: it opens, recovers the WAL and serves again.
        let restarted = try ServeProcess(binary: binary, store: storePath, secret: Self.secret)
        let after = WebhookSender(url: restarted.url, secret: Self.secret)
        #expect(try await after.send(webhookBody(payload: "after-restart", token: "tok-after")) == 200)
        #expect(restarted.terminate() == 0) // SIGTERM: clean shutdown

        let store = try SQLiteStore(path: storePath)
        #expect(store.integrityCheck())
        var missing: [String] = []
        for uuid in acknowledged {
            let recorded = try await store.hasDelivery(key: uuid)
            let user = try await store.user(token: "tok-\(uuid)")
            if !recorded || user == nil { missing.append(uuid) }
        }
        let integrity = store.integrityCheck()
        let rows = try await store.deliveryCount()
        print("[reliability] SIGKILL inbox mid-flood: acknowledged=\(acknowledged.count) lost=\(missing.count) integrity=\(integrity ? "ok" : "FAILED") rows=\(rows)")
        #expect(missing.isEmpty, "acknowledged but not stored: \(missing.prefix(5))")
        #expect(try await store.deliveryCount() >= acknowledged.count + 1)
        // Nothing half-written: every delivery that carried a token has its user.
        let users = try await store.userCount()
        #expect(try await store.deliveryCount() == users)
    }
}
