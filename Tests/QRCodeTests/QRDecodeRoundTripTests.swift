import Foundation
import QRCode
import Testing

/// Our symbols through a real decoder (zbarimg): the text comes back exactly.
@Suite(.serialized) struct QRDecodeRoundTripTests {
    func zbar() -> Bool {
        guard ExternalTool.zbarimgAvailable else {
            ExternalTool.missing("zbarimg not found (apt-get install zbar-tools)")
            return false
        }
        return true
    }

    @Test func deepLinksDecodeAtEveryLevel() throws {
        guard zbar() else { return }
        var links = DeepLinks(seed: 0xDEC0DE)
        var decoded = 0
        for level in QRErrorCorrection.allCases {
            for i in 0..<10 {
                let link = links.link()
                // Forced masks go round all eight; the rest choose their own.
                let s = try QRCode.encode(link, level: level, mask: i < 8 ? i : nil)
                let text = try Zbar.decode(Zbar.picture(size: s.size) { s[$0, $1] })
                #expect(text == link, "\(s.version)-\(level) mask \(s.mask)")
                if text == link { decoded += 1 }
            }
        }
        print("zbarimg decoded \(decoded) of 40 deep links")
    }

    @Test func largeVersionsDecode() throws {
        guard zbar() else { return }
        var rng = DeepLinks(seed: 0xB16)
        for (count, level) in [(300, QRErrorCorrection.medium), (1_000, .low), (1_200, .quartile), (2_900, .low)] {
            let text = rng.text(.byte, count: count)
            let s = try QRCode.encode(text, level: level)
            #expect(try Zbar.decode(Zbar.picture(size: s.size, scale: 3) { s[$0, $1] }) == text, "version \(s.version)-\(level)")
        }
    }

    /// What a light-on-dark rendering (light modules drawn bright on black) needs from a decoder: zbarimg
    /// finds nothing by default and decodes it with `-Stest-inverted`.
    @Test func invertedPictureNeedsTestInverted() throws {
        guard zbar() else { return }
        let link = "https://xumm.app/sign/6f2c3a1e-8b4d-4c1a-9e7f-2d3b5a6c7e8f"
        let s = try QRCode.encode(link)
        let inverted = Zbar.picture(size: s.size, inverted: true) { s[$0, $1] }
        #expect(try Zbar.decode(inverted) == nil)
        #expect(try Zbar.decode(inverted, tryInverted: true) == link)
    }

    @Test func tooLongTextIsAClearError() {
        let text = String(repeating: "x", count: 2_954)
        #expect(throws: QREncodingError.textTooLong(characters: 2_954, mode: .byte, level: .low, maximumCharacters: 2_953)) {
            try QRCode.encode(text, level: .low)
        }
        #expect((try? QRCode.encode(String(repeating: "x", count: 2_953), level: .low))?.version == 40)
        #expect("\(QREncodingError.textTooLong(characters: 2_954, mode: .byte, level: .low, maximumCharacters: 2_953))"
            == "text too long for a QR code: 2954 characters in byte mode, at most 2953 fit (version 40, error correction L)")
        #expect(throws: QREncodingError.self) { try QRCode.encode("https://xumm.app/sign/x", version: 1) }
        #expect(throws: QREncodingError.invalidMask(8)) { try QRCode.encode("x", mask: 8) }
        #expect(throws: QREncodingError.invalidVersion(41)) { try QRCode.encode("x", version: 41) }
        #expect(throws: QREncodingError.unsupportedCharacters(mode: .alphanumeric)) { try QRCode.encode("lower", mode: .alphanumeric) }
    }
}
