import AsyncHTTPClient
import Foundation
import NIOCore
import XummSimulator

/// `pushdesk simulator` as a separate process on a free port, for headless end-to-end tests.
final class SimulatorProcess: Sendable {
    let process: Process
    let apiBase: String
    let baseURL: String
    static let apiKey = "aaaaaaaa-1111-4222-8333-444444444444"
    static let apiSecret = "bbbbbbbb-5555-4666-8777-888888888888"

    init(binary: String, timeScale: Double = 0.2, extra: [String] = []) throws {
        let (p, banner) = try SimulatorBanner.launch(binary: binary, arguments: [
            "simulator", "--port", "0", "--api-key", Self.apiKey, "--api-secret", Self.apiSecret,
            "--time-scale", String(timeScale), "--log-level", "error"] + extra)
        process = p
        baseURL = banner.baseURL
        apiBase = banner.apiBase
    }

    deinit { process.terminate(); process.waitUntilExit() }

    /// Calls the control API (`/_sim/...`); throws unless it answers 2xx.
    func control(_ method: String, _ path: String, body: String? = nil) async throws {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = .init(rawValue: method)
        if let body { request.body = .bytes(ByteBuffer(string: body)); request.headers.add(name: "Content-Type", value: "application/json") }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        guard (200..<300).contains(response.status.code) else {
            throw NSError(domain: "SimulatorProcess", code: Int(response.status.code), userInfo: [NSLocalizedDescriptionKey: "\(method) \(path): \(response.status)"])
        }
    }

    /// The simulator's cast: name → user_token.
    func tokens() async throws -> [String: String] {
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: baseURL + "/_sim/users"), timeout: .seconds(10))
        let data = Data(try await response.body.collect(upTo: 1 << 20).readableBytesView)
        let list = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
        var out: [String: String] = [:]
        for u in list { if let n = u["name"] as? String, let t = u["user_token"] as? String { out[n] = t } }
        return out
    }
}

/// Runs the `pushdesk` binary to completion, with the simulator's credentials.
struct PushDeskRun {
    let status: Int32
    let stdout: String
    let stderr: String

    var jsonLines: [[String: Any]] {
        stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    static func run(_ binary: String, _ args: [String], env extra: [String: String] = [:]) throws -> PushDeskRun {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        env["XUMM_APIKEY"] = SimulatorProcess.apiKey
        env["XUMM_APISECRET"] = SimulatorProcess.apiSecret
        env["XDG_CONFIG_HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("pd-noconfig").path
        for (k, v) in extra { env[k] = v }
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return PushDeskRun(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}
