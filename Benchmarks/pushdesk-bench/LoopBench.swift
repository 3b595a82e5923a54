import ConsoleCore
import Domain
import Foundation
import Runtime
import Store
import Terminal
import XRPLTx
import XummPlatform

/// `pushdesk-bench loop [N] [--python PATH] [--pushdesk PATH] [--sdk-script PATH]`: the operator's loop at scale.
///
/// Starts `pushdesk simulator` as its own process with N users who sign 1 s after the push (rate
/// limit off), so this process holds only what the console holds: a store with 100,000 known users
/// plus the N, and the real `ConsoleDriver` (frames go to a mailbox instead of a terminal). The driver
/// bulk-pushes one payload per simulated user, exactly as a confirmed push dialog does, and follows
/// every status stream to its final GET. Reports wall time, status-event-to-frame latency and peak RSS.
///
/// With `--python`, the same workload then runs on the same simulator through the public
/// xumm-sdk-py (`scripts/loop_xumm_sdk_py.py`: create + subscribe, wait for each resolve message,
/// GET the result), and the wall times are compared. The script is a repository file, found relative
/// to the current directory (`scripts/bench-loop.sh` runs from the checkout's root) or given with
/// `--sdk-script`: the bench is a developer tool run from a checkout, never installed, and a source
/// path baked in at compile time would point into whichever checkout built it.
enum LoopBench {
    struct Options {
        var count = 1_000
        var python: String?
        var pushdesk: String
        var sdkScript = "scripts/loop_xumm_sdk_py.py"
    }

    static func options(_ args: [String]) -> Options {
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var o = Options(pushdesk: exe.deletingLastPathComponent().appendingPathComponent("pushdesk").path)
        var rest = args[...]
        while let a = rest.popFirst() {
            switch a {
            case "--python": o.python = rest.popFirst()
            case "--pushdesk": o.pushdesk = rest.popFirst() ?? o.pushdesk
            case "--sdk-script": o.sdkScript = rest.popFirst() ?? o.sdkScript
            default: if let n = Int(a) { o.count = n }
            }
        }
        return o
    }

    static func run(_ o: Options) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pd-loop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }

        // N simulated users with valid classic accounts.
        var cast: [(name: String, account: String, token: String)] = []
        for i in 0..<o.count {
            var id = [UInt8](repeating: 0, count: 20)
            for j in 0..<20 { id[j] = UInt8.random(in: 0...255) }
            cast.append(("user\(i)", XRPLAddress.encodeClassic(accountID: id), UUID().uuidString.lowercased()))
        }
        let entries: [[String: Any]] = cast.map {
            ["name": $0.name, "account": $0.account, "user_token": $0.token,
             "token_issued_days_ago": 10, "last_signed_days_ago": 1, "behaviour": "sign", "after_seconds": 1]
        }
        let usersFile = dir.appendingPathComponent("users.json")
        try JSONSerialization.data(withJSONObject: ["application": "loop bench", "users": entries]).write(to: usersFile)
        let tokensFile = dir.appendingPathComponent("tokens.json")
        try JSONSerialization.data(withJSONObject: cast.map(\.token)).write(to: tokensFile)

        let key = UUID().uuidString.lowercased(), secret = UUID().uuidString.lowercased()
        let sim = try SimulatorChild(binary: o.pushdesk, arguments: [
            "simulator", "--port", "0", "--api-key", key, "--api-secret", secret, "--users", usersFile.path,
            "--default-expire", "10", "--rate-limit", "1000000", "--log-level", "error"])
        defer { sim.stop() }
        print("loop: simulator process \(sim.pid) at \(sim.baseURL) with \(o.count) users")

        // The console's side: a store with 100,000 known users plus the cast.
        let store = try SQLiteStore(path: dir.appendingPathComponent("loop.sqlite").path)
        let now = Date()
        var known = (0..<100_000).map { i in
            KnownUser(userToken: UUID().uuidString.lowercased(), name: "known \(i)", lastSigned: now.addingTimeInterval(-Double(i % 29) * 86_400), source: .import)
        }
        known += cast.map { KnownUser(userToken: $0.token, name: $0.name, account: $0.account, lastSigned: now, source: .import) }
        for chunk in stride(from: 0, to: known.count, by: 20_000) { _ = try await store.upsertUsers(Array(known[chunk..<min(chunk + 20_000, known.count)])) }
        let knownCount = known.count
        known = []

        let client = XummClient(baseURL: sim.apiBase, credentials: XummCredentials(apiKey: key, apiSecret: secret))
        let recorder = FrameRecorder()
        var state = ConsoleState(backend: "SIMULATOR", readOnly: false, noColor: true, now: now)
        _ = ConsoleCore.update(&state, .resize(width: 120, height: 35))
        let services = Services(platform: client, store: store, operatorName: "bench", pacer: CreatePacer(perMinute: nil))
        let driver = ConsoleLoop(state: state, services: services, mailbox: FrameMailbox(), observer: recorder)
        let driverTask = Task { await driver.run() }
        while await !driver.inspect({ $0.usersLoaded }) { try await Task.sleep(for: .milliseconds(10)) }
        let latencies = recorder.latencies, waits = recorder.waits, tail = recorder.tail, frames = recorder.frames

        let clock = ContinuousClock()
        let cpuBefore = (ours: BenchStats.processCPUSeconds(), sim: sim.cpuSeconds())
        let splitBefore = BenchStats.processCPUSplit()
        let started = clock.now
        await driver.perform(.push(PushRequest(userTokens: cast.map(\.token), txjsonText: #"{"TransactionType":"SignIn"}"#,
                                               expireMinutes: nil, instruction: nil)))
        var finals = 0
        let deadline = clock.now + .seconds(300)
        while clock.now < deadline {
            finals = await driver.inspect { s in s.payloads.lazy.filter { $0.isFinal }.count }
            if finals >= o.count { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        let wall = clock.now - started
        let cpu = (ours: BenchStats.processCPUSeconds() - cpuBefore.ours, sim: sim.cpuSeconds() - cpuBefore.sim)
        let splitAfter = BenchStats.processCPUSplit()
        let split = (user: splitAfter.user - splitBefore.user, system: splitAfter.system - splitBefore.system)
        let signed = await driver.inspect { s in s.payloads.lazy.filter { $0.result?.outcome == .signed }.count }
        driver.finish()
        _ = await driverTask.value

        let sorted = latencies.value.sorted(), sortedWaits = waits.value.sorted()
        func pct(_ p: Double, _ xs: [Duration]? = nil) -> Double {
            let xs = xs ?? sorted
            return xs.isEmpty ? 0 : ms(xs[min(xs.count - 1, Int(Double(xs.count) * p))])
        }
        print("loop: pushdesk: \(o.count) pushed and followed to their final state: \(finals) final (\(signed) signed), wall \(BenchStats.fmt(ms(wall) / 1000)) s (users sign 1 s after the push)")
        print("loop: status event → frame: \(sorted.count) events, \(frames.value) frames, p50 \(BenchStats.fmt(pct(0.5))) ms, p99 \(BenchStats.fmt(pct(0.99))) ms, max \(BenchStats.fmt(pct(1))) ms (target p99 <= 10 ms)")
        print("loop:   of which arrival → applied by the driver (shown first, stored after): p50 \(BenchStats.fmt(pct(0.5, sortedWaits))) ms, p99 \(BenchStats.fmt(pct(0.99, sortedWaits))) ms")
        // The slowest 1% of events, split into their parts (averages): where the p99 goes.
        let slowest = tail.value.sorted { $0.0 > $1.0 }.prefix(max(1, tail.value.count / 100))
        let parts = (0..<3).map { i in slowest.reduce(0.0) { $0 + ms($1.1[i]) } / Double(slowest.count) }
        print("loop:   slowest 1% of events, mean parts: arrival → applied \(BenchStats.fmt(parts[0])) ms, applied → frame started \(BenchStats.fmt(parts[1])) ms (frames are at most one per \(ConsoleLoop.frameInterval)), frame build \(BenchStats.fmt(parts[2])) ms")
        print("loop: CPU during the loop: this process \(BenchStats.fmt(cpu.ours)) s, simulator \(BenchStats.fmt(cpu.sim)) s, over \(BenchStats.fmt(ms(wall) / 1000)) s on \(ProcessInfo.processInfo.activeProcessorCount) cores")
        print("loop: console CPU per push followed to its end: \(BenchStats.fmt(cpu.ours * 1000 / Double(max(1, o.count)))) ms (target <= 3 ms): user \(BenchStats.fmt(split.user * 1000 / Double(max(1, o.count)))) ms, system \(BenchStats.fmt(split.system * 1000 / Double(max(1, o.count)))) ms")
        print("loop: peak RSS of this process \(peakRSSMB()) MB with \(knownCount) users loaded (target <= 150 MB; the simulator runs in its own process)")

        guard let python = o.python else {
            print("loop: xumm-sdk-py side-by-side skipped (give --python PATH of a Python with xumm-sdk-py installed; scripts/bench-loop.sh does)")
            return
        }
        let script = URL(fileURLWithPath: o.sdkScript).path
        guard FileManager.default.fileExists(atPath: script) else {
            print("loop: xumm-sdk-py side-by-side skipped: no \(o.sdkScript) here (run from the checkout's root, or give --sdk-script PATH)")
            return
        }
        let sdk = try runPython(python, script: script, environment: [
            "SIM_BASE": sim.baseURL, "SIM_KEY": key, "SIM_SECRET": secret, "TOKENS_FILE": tokensFile.path])
        // The SDK logs every websocket connect at warning level; keep only the script's own lines.
        for line in sdk.output.split(separator: "\n") where line.hasPrefix("loop:") { print(line) }
        guard sdk.status == 0, let sdkWall = sdk.output.split(separator: "\n").compactMap({ line -> Double? in
            guard line.hasPrefix("sdk-wall-seconds ") else { return nil }
            return Double(line.dropFirst("sdk-wall-seconds ".count))
        }).first else {
            print("loop: xumm-sdk-py run failed (exit \(sdk.status))")
            return
        }
        let ours = ms(wall) / 1000
        print("loop: side by side, same simulator, same \(o.count) users: pushdesk \(BenchStats.fmt(ours)) s, xumm-sdk-py \(BenchStats.fmt(sdkWall)) s — xumm-sdk-py takes \(BenchStats.fmt(sdkWall / ours))× as long")
    }

    static func ms(_ d: Duration) -> Double { Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15 }

    /// VmHWM from /proc/self/status, in MB.
    static func peakRSSMB() -> Int {
        guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = s.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") else { return -1 }
        return kb / 1024
    }

    /// Runs the SDK script to completion; its output is small, read after it exits.
    static func runPython(_ python: String, script: String, environment: [String: String]) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = [script]
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("pd-loop-sdk-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out) }
        let handle = try FileHandle(forWritingTo: out)
        p.standardOutput = handle
        p.standardError = handle
        try p.run()
        p.waitUntilExit()
        try? handle.close()
        return (p.terminationStatus, (try? String(contentsOf: out, encoding: .utf8)) ?? "")
    }
}

/// The loop benchmark's frame observer: per status event, the latency to its first frame and its parts.
final class FrameRecorder: FrameObserver {
    let latencies = Locked<[Duration]>([])
    let waits = Locked<[Duration]>([])
    /// Per event: total, then its parts (arrival → applied, applied → frame started, frame build).
    let tail = Locked<[(Duration, [Duration])]>([])
    let frames = Locked(0)

    func frameDrawn(_ frame: FrameReport) {
        latencies.withLock { l in for e in frame.events { l.append(frame.postedAt - e.receivedAt) } }
        tail.withLock { t in
            for e in frame.events {
                t.append((frame.postedAt - e.receivedAt, [e.appliedAt - e.receivedAt, frame.startedAt - e.appliedAt, frame.postedAt - frame.startedAt]))
            }
        }
        waits.withLock { w in for e in frame.events { w.append(e.appliedAt - e.receivedAt) } }
        frames.withLock { $0 += 1 }
    }
}
