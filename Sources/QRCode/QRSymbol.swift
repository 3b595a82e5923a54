/// An encoded QR code: a square of dark and light modules (without the quiet zone) and how it was made.
public struct QRSymbol: Sendable, Hashable {
    /// 1…40; the symbol is 17 + 4·version modules wide.
    public let version: Int
    /// The error correction level.
    public let errorCorrection: QRErrorCorrection
    /// The mode the text was written in.
    public let mode: QRMode
    /// The data mask pattern, 0…7.
    public let mask: Int
    /// Modules per side.
    public let size: Int
    /// Row-major modules, 1 = dark, `size * size` of them.
    public let modules: [UInt8]

    init(version: Int, errorCorrection: QRErrorCorrection, mode: QRMode, mask: Int, modules: [UInt8]) {
        self.version = version
        self.errorCorrection = errorCorrection
        self.mode = mode
        self.mask = mask
        self.size = QRVersionTable.size(version)
        self.modules = modules
    }

    /// Whether the module at `row`, `col` (0-based, from the top left) is dark.
    public subscript(row: Int, col: Int) -> Bool {
        precondition(row >= 0 && row < size && col >= 0 && col < size, "module \(row),\(col) is outside a \(size)×\(size) symbol")
        return modules[row * size + col] != 0
    }

    /// The modules as rows of booleans (dark = true).
    public var rows: [[Bool]] {
        (0..<size).map { r in modules[(r * size)..<((r + 1) * size)].map { $0 != 0 } }
    }
}
