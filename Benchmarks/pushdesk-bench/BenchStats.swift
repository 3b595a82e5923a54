import Foundation

/// Timing samples and their percentiles.
struct BenchStats {
    private(set) var samplesMicros: [Double] = []

    mutating func record(_ d: Duration) {
        let c = d.components
        samplesMicros.append(Double(c.seconds) * 1e6 + Double(c.attoseconds) / 1e12)
    }

    func percentile(_ p: Double) -> Double {
        guard !samplesMicros.isEmpty else { return 0 }
        let sorted = samplesMicros.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
    }

    /// User + system CPU time of this process, in seconds.
    /// User and system CPU seconds of this process so far.
    static func processCPUSplit() -> (user: Double, system: Double) {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return (Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6,
                Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6)
    }

    static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    static func fmt(_ v: Double, _ digits: Int = 2) -> String {
        var p = 1.0
        for _ in 0..<digits { p *= 10 }
        let scaled = Int((v * p).rounded())
        let whole = scaled / Int(p), frac = String(scaled % Int(p))
        return "\(whole).\(String(repeating: "0", count: digits - frac.count))\(frac)"
    }
}

/// Times one closure.
func measure(_ body: () throws -> Void) rethrows -> Duration {
    let clock = ContinuousClock()
    let start = clock.now
    try body()
    return clock.now - start
}
