/// A QR code as text: half blocks, two modules per cell, light modules drawn (reads correctly on
/// dark and light terminals, with a 2-module quiet zone).
public enum QRText {
    public static func lines(_ modules: [[Bool]]) -> [String] {
        let n = modules.count
        guard n > 0 else { return [] }
        let quiet = 2
        let size = n + quiet * 2
        func light(_ r: Int, _ c: Int) -> Bool {
            let rr = r - quiet, cc = c - quiet
            guard rr >= 0, rr < n, cc >= 0, cc < modules[rr].count else { return true }
            return !modules[rr][cc]
        }
        var lines: [String] = []
        var r = 0
        while r < size {
            var line = ""
            for c in 0..<size {
                let top = light(r, c), bottom = r + 1 < size ? light(r + 1, c) : false
                line.append(top && bottom ? "█" : top ? "▀" : bottom ? "▄" : " ")
            }
            lines.append(line)
            r += 2
        }
        return lines
    }
}
