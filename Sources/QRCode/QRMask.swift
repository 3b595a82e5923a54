/// The eight data mask patterns (ISO/IEC 18004, 7.8.2, Table 10): mask `m` inverts a data module at
/// row i, column j where the condition holds.
enum QRMask {
    @inline(__always)
    static func inverts(_ mask: Int, row i: Int, col j: Int) -> Bool {
        switch mask {
        case 0: return (i + j) % 2 == 0
        case 1: return i % 2 == 0
        case 2: return j % 3 == 0
        case 3: return (i + j) % 3 == 0
        case 4: return (i / 2 + j / 3) % 2 == 0
        case 5: return (i * j) % 2 + (i * j) % 3 == 0
        case 6: return ((i * j) % 2 + (i * j) % 3) % 2 == 0
        default: return ((i + j) % 2 + (i * j) % 3) % 2 == 0
        }
    }

    /// XORs mask `mask` onto the data modules at `positions` of a `size`-wide grid.
    static func apply(_ mask: Int, to modules: inout [UInt8], positions: [Int32], size: Int) {
        modules.withUnsafeMutableBufferPointer { m in
            positions.withUnsafeBufferPointer { p in
                for index in p {
                    let i = Int(index) / size, j = Int(index) - i * size
                    if inverts(mask, row: i, col: j) { m[Int(index)] ^= 1 }
                }
            }
        }
    }
}
