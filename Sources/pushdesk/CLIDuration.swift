import Foundation

/// Durations on the command line: `90s`, `15m`, `2h`, `7d`, `1h30m` (a bare number is seconds).
enum CLIDuration {
    static func parse(_ text: String) throws -> TimeInterval {
        let s = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let n = Double(s), n >= 0 { return n }
        var total: TimeInterval = 0
        var number = ""
        var sawUnit = false
        for ch in s {
            if ch.isNumber || ch == "." { number.append(ch); continue }
            let unit: TimeInterval
            switch ch {
            case "s": unit = 1
            case "m": unit = 60
            case "h": unit = 3600
            case "d": unit = 86_400
            case "w": unit = 7 * 86_400
            default: throw CLIError("unreadable duration \(text) (use 90s, 15m, 2h, 7d or 1h30m)")
            }
            guard let n = Double(number) else { throw CLIError("unreadable duration \(text) (use 90s, 15m, 2h, 7d or 1h30m)") }
            total += n * unit
            number = ""
            sawUnit = true
        }
        guard sawUnit, number.isEmpty else { throw CLIError("unreadable duration \(text) (use 90s, 15m, 2h, 7d or 1h30m)") }
        return total
    }
}
