/// A QR code as a grid of dark (true) / light modules.
public enum QRMatrix {
    /// Encodes `text`; `nil` if it cannot be encoded. Temporarily encodes nothing: libqrencode is
    /// gone from this branch and the Swift encoder (module QRCode) is being merged in.
    public static func encode(_ text: String) -> [[Bool]]? { nil }
}
