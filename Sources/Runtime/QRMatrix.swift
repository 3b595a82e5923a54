import CQRencode

/// A QR code as a grid of dark (true) / light modules, from libqrencode.
public enum QRMatrix {
    /// Encodes `text` (byte mode, error correction M). `nil` if the text cannot be encoded.
    public static func encode(_ text: String) -> [[Bool]]? {
        guard let qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(qr) }
        let width = Int(qr.pointee.width)
        guard width > 0, let data = qr.pointee.data else { return nil }
        var rows: [[Bool]] = []
        rows.reserveCapacity(width)
        for y in 0..<width {
            var row = [Bool](repeating: false, count: width)
            for x in 0..<width { row[x] = data[y * width + x] & 1 == 1 }
            rows.append(row)
        }
        return rows
    }

    /// The matrix drawn with half blocks (two module rows per text line) and a quiet zone, for plain text output.
    public static func halfBlocks(_ m: [[Bool]], quiet: Int = 2) -> [String] {
        let n = m.count
        func dark(_ y: Int, _ x: Int) -> Bool {
            let yy = y - quiet, xx = x - quiet
            return yy >= 0 && yy < n && xx >= 0 && xx < n && m[yy][xx]
        }
        let size = n + quiet * 2
        var lines: [String] = []
        var y = 0
        while y < size {
            var line = ""
            for x in 0..<size {
                switch (dark(y, x), dark(y + 1, x)) {
                case (true, true): line += "█"
                case (true, false): line += "▀"
                case (false, true): line += "▄"
                case (false, false): line += " "
                }
            }
            lines.append(line)
            y += 2
        }
        return lines
    }
}
