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
}
