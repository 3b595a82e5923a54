import QRCode

/// A QR code as a grid of dark (true) / light modules, from the `QRCode` module.
public enum QRMatrix {
    /// Encodes `text` (error correction M, the densest mode the text allows). `nil` if the text is too
    /// long for a QR code.
    public static func encode(_ text: String) -> [[Bool]]? {
        (try? QRCode.encode(text, level: .medium))?.rows
    }
}
