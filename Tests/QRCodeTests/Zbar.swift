import Foundation

/// Decodes pictures with `zbarimg` (Debian zbar-tools). zbarimg reads PGM through ImageMagick, so the
/// pictures are plain binary PGM (P5). It finds only dark-on-light codes unless asked with
/// `-Stest-inverted` to also try the inverted picture (zbar 0.23.90+).
enum Zbar {
    /// A grey picture, 0 = black, 255 = white.
    struct Picture {
        let width: Int
        let height: Int
        var pixels: [UInt8]

        /// Writes binary PGM.
        func pgm() -> Data {
            var data = Data("P5\n\(width) \(height)\n255\n".utf8)
            data.append(contentsOf: pixels)
            return data
        }
    }

    /// The module grid `dark(row, col)` of `size`², `scale` pixels a module, with a light quiet zone of `quiet` modules.
    static func picture(size: Int, quiet: Int = 4, scale: Int = 4, inverted: Bool = false, dark: (Int, Int) -> Bool) -> Picture {
        let side = (size + 2 * quiet) * scale
        var pixels = [UInt8](repeating: inverted ? 0 : 255, count: side * side)
        for r in 0..<size {
            for c in 0..<size where dark(r, c) {
                for y in 0..<scale {
                    let row = ((r + quiet) * scale + y) * side + (c + quiet) * scale
                    for x in 0..<scale { pixels[row + x] = inverted ? 255 : 0 }
                }
            }
        }
        return Picture(width: side, height: side, pixels: pixels)
    }

    /// The text zbarimg decodes from `picture`, nil when it finds no code.
    static func decode(_ picture: Picture, tryInverted: Bool = false) throws -> String? {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString).pgm")
        try picture.pgm().write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var args = ["zbarimg", "--quiet", "--raw", "--nodbus"]
        if tryInverted { args.append("-Stest-inverted") }
        let r = try ExternalTool.run(args + [url.path])
        guard r.status == 0 else { return nil }
        var text = String(decoding: r.output, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
