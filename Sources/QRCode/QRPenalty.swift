/// The penalty score of a masked symbol (ISO/IEC 18004, 7.8.3.1, Table 11); the mask with the lowest
/// score is chosen, the first one on a tie.
///
/// - N1: each run of 5 + i same-coloured modules in a row or column scores 3 + i.
/// - N2: each 2 × 2 block of one colour scores 3 (overlapping blocks count separately).
/// - N3: each 1:1:3:1:1 dark–light–dark–light–dark run in a row or column with 4 light modules before
///   or after it scores 40; the area outside the symbol counts as light, and the search goes on after the
///   counted run.
/// - N4: 10 for every full 5 % the share of dark modules is away from 50 %.
///
/// Scored on the symbol without format and version information (reserved light), as the standard's
/// procedure places them after masking (7.1) — the same reading as `segno`.
enum QRPenalty {
    static func score(_ modules: [UInt8], size n: Int) -> Int {
        modules.withUnsafeBufferPointer { m in
            var total = 0
            var dark = 0
            for i in 0..<n {
                let row = m.baseAddress! + i * n
                total += runs(row, stride: 1, count: n) + finderLike(row, stride: 1, count: n)
                let col = m.baseAddress! + i
                total += runs(col, stride: n, count: n) + finderLike(col, stride: n, count: n)
                for j in 0..<n { dark &+= Int(row[j]) }
                if i > 0 {
                    let above = row - n
                    for j in 1..<n {
                        let c = row[j]
                        if c == row[j - 1] && c == above[j] && c == above[j - 1] { total += 3 }
                    }
                }
            }
            let percent = Double(dark) / Double(n * n)
            total += 10 * Int(abs(percent * 100 - 50) / 5)
            return total
        }
    }

    /// N1 of one line.
    @inline(__always)
    private static func runs(_ p: UnsafePointer<UInt8>, stride s: Int, count n: Int) -> Int {
        var score = 0
        var run = 1
        var previous = p[0]
        var k = s
        for _ in 1..<n {
            let c = p[k]
            if c == previous {
                run += 1
            } else {
                if run >= 5 { score += run - 2 }
                run = 1
                previous = c
            }
            k += s
        }
        if run >= 5 { score += run - 2 }
        return score
    }

    /// N3 of one line.
    @inline(__always)
    private static func finderLike(_ p: UnsafePointer<UInt8>, stride s: Int, count n: Int) -> Int {
        var score = 0
        var idx = 0
        while idx <= n - 7 {
            let b = idx * s
            guard p[b] == 1, p[b + s] == 0, p[b + 2 * s] == 1, p[b + 3 * s] == 1, p[b + 4 * s] == 1,
                  p[b + 5 * s] == 0, p[b + 6 * s] == 1 else {
                idx += 1
                continue
            }
            var lightBefore = true
            var k = max(0, idx - 4)
            while k < idx { if p[k * s] != 0 { lightBefore = false; break }; k += 1 }
            var lightAfter = true
            if !lightBefore {
                k = idx + 7
                let end = min(n, idx + 11)
                while k < end { if p[k * s] != 0 { lightAfter = false; break }; k += 1 }
            }
            if lightBefore || lightAfter {
                score += 40
                idx += 7
            } else {
                idx += 4
            }
        }
        return score
    }
}
