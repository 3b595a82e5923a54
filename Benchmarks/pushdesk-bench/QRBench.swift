import QRCode

/// `pushdesk-bench qr`: encoding a typical deep link (`https://xumm.app/sign/<uuid>`, level M: version 4,
/// mask chosen by the penalty rules over all eight), in µs.
enum QRBench {
    static let link = "https://xumm.app/sign/6f2c3a1e-8b4d-4c1a-9e7f-2d3b5a6c7e8f"

    static func run() {
        let runs = 20_000
        var sink = 0
        do {
            for _ in 0..<2_000 { sink &+= try QRCode.encode(link).size }
            var stats = BenchStats()
            for _ in 0..<runs {
                stats.record(try measure { sink &+= try QRCode.encode(link).mask })
            }
            let s = try QRCode.encode(link)
            print("qr: \(link) → version \(s.version)-\(s.errorCorrection), \(s.mode) mode, mask \(s.mask); \(runs) runs (\(sink % 10))")
            print("qr: median \(BenchStats.fmt(stats.percentile(0.5))) µs, p99 \(BenchStats.fmt(stats.percentile(0.99))) µs (target <= 200 µs)")
        } catch {
            print("qr: encoding failed: \(error)")
        }
    }
}
