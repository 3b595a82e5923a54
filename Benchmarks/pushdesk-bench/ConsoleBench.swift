// Console latency at 100,000 users: key → update → view → Buffer, and the first frame.
import ConsoleCore
import ConsoleTestSupport
import Domain
import Foundation

/// `pushdesk-bench console`.
enum ConsoleBench {
    static func run() {

        let now = Date(timeIntervalSince1970: 1_750_000_000)
        let userCount = 100_000
        let (width, height) = (120, 35)

        func ms(_ d: Duration) -> Double { Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) / 1e15 }
        let clock = ContinuousClock()

        let users = SampleData.users(count: userCount, now: now)
        var state = ConsoleState(backend: "SIMULATOR", readOnly: false, noColor: false, now: now)
        _ = ConsoleCore.update(&state, .resize(width: width, height: height))

        do {
            var probe = UserIndex()
            let a = clock.measure { probe.replaceAll(users) }
            var d: [String: Int32] = [:]
            let b = clock.measure { d.reserveCapacity(users.count); for (i, u) in users.enumerated() { d[u.userToken] = Int32(i) } }
            let c = clock.measure { for u in users { _ = TokenAge.expiry(of: u) } }
            print(String(format: "  index build %.1f ms (token dictionary %.1f ms, expiry %.1f ms)", ms(a), ms(b), ms(c)))
        }
        let first = clock.measure {
            _ = ConsoleCore.update(&state, .usersLoaded(users))
            _ = ConsoleCore.view(state, width: width, height: height)
        }

        func percentile(_ xs: [Double], _ p: Double) -> Double {
            let s = xs.sorted(); return s[min(s.count - 1, Int(Double(s.count) * p))]
        }

        func runKeys(_ name: String, _ keys: [Key]) {
            var samples: [Double] = []
            for key in keys {
                let d = clock.measure {
                    _ = ConsoleCore.update(&state, .key(key))
                    _ = ConsoleCore.view(state, width: width, height: height)
                }
                samples.append(ms(d))
            }
            print(String(format: "%-28@ n=%5d  p50 %.3f ms  p99 %.3f ms  max %.3f ms", name as NSString, samples.count,
                         percentile(samples, 0.5), percentile(samples, 0.99), samples.max()!))
        }

        print("console-bench: \(userCount) users, \(width)×\(height)")
        print(String(format: "first frame (load + sort + view)  %.2f ms", ms(first)))
        runKeys("scroll (j/k/PgDn/PgUp)", (0..<2000).map { i in [Key.char("j"), .char("j"), .pageDown, .char("k"), .pageUp][i % 5] })
        var filterKeys: [Key] = []
        for _ in 0..<40 {
            filterKeys.append(.char("/"))
            for c in "grace 1" { filterKeys.append(.char(c)) }
            for _ in 0..<7 { filterKeys.append(.backspace) }
            filterKeys.append(.esc)
        }
        runKeys("filter (type/erase/clear)", filterKeys)
        _ = ConsoleCore.update(&state, .key(.char("1")))
        runKeys("sort cycle (s)", Array(repeating: Key.char("s"), count: 30))

        // What the operator's loop sends: a payload appears and changes, its user is renewed.
        var payloadSamples: [Double] = [], userSamples: [Double] = [], viewSamples: [Double] = []
        for i in 0..<1_000 {
            var record = PayloadRecord(uuid: "p-\(i)", userToken: users[i].userToken, transactionType: "SignIn", txjson: "{}",
                                       created: now.addingTimeInterval(Double(i)), events: [PayloadEvent(at: now, kind: .created)])
            payloadSamples.append(ms(clock.measure { _ = ConsoleCore.update(&state, .payloadUpserted(record)) }))
            record.events.append(PayloadEvent(at: now, kind: .opened))
            payloadSamples.append(ms(clock.measure { _ = ConsoleCore.update(&state, .payloadUpserted(record)) }))
            var renewed = users[i]
            renewed.lastSigned = now
            userSamples.append(ms(clock.measure { _ = ConsoleCore.update(&state, .userUpdated(renewed)) }))
            viewSamples.append(ms(clock.measure { _ = ConsoleCore.view(state, width: width, height: height) }))
        }
        for (name, xs) in [("payload upserted", payloadSamples), ("user renewed", userSamples), ("view, 1,000 payloads", viewSamples)] {
            print(String(format: "%-28@ n=%5d  p50 %.3f ms  p99 %.3f ms  max %.3f ms", name as NSString, xs.count,
                         percentile(xs, 0.5), percentile(xs, 0.99), xs.max()!))
        }

    }
}
