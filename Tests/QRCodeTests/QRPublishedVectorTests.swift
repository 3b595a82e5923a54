import QRCode
import Testing

/// Published vectors, module for module and codeword for codeword.
@Suite struct QRPublishedVectorTests {
    /// "Hi", version 1-H, byte mode, mask 0: the example matrix of the Codewars kata "Create the QR-Code"
    /// (kata 5fa50a5def5ecf0014debd73), 1 = dark. Its bit stream after the terminator ends on a byte
    /// boundary, so it also pins the padding rule (no extra zero byte before the pad codewords).
    static let hiVersion1H: [String] = [
        "111111101110101111111",
        "100000100000101000001",
        "101110100110101011101",
        "101110101011001011101",
        "101110100101101011101",
        "100000100111101000001",
        "111111101010101111111",
        "000000000011100000000",
        "001011101000010001001",
        "110110011010001101111",
        "100000100111010101111",
        "111111001011011111010",
        "110000101001000100100",
        "000000001101101000110",
        "111111100000010010011",
        "100000101001001000111",
        "101110101100010010101",
        "101110100000110101010",
        "101110101111010101101",
        "100000100001101111010",
        "111111100100001101111",
    ]

    @Test func hiMatchesThePublishedMatrix() throws {
        let symbol = try QRCode.encode("Hi", level: .high, version: 1, mask: 0, mode: .byte)
        #expect(symbol.size == 21)
        let actual = symbol.rows.map { String($0.map { $0 ? "1" : "0" }) }
        #expect(actual.count == Self.hiVersion1H.count)
        for (i, (a, e)) in zip(actual, Self.hiVersion1H).enumerated() {
            #expect(a == e, "row \(i)")
        }
    }

    /// ISO/IEC 18004 Annex I: "01234567" as 1-M, numeric mode. The data and error correction codewords
    /// printed there, read back out of our symbol.
    @Test func isoAnnexINumericExampleCodewords() throws {
        let symbol = try QRCode.encode("01234567", level: .medium, version: 1)
        #expect(symbol.mode == .numeric)
        let codewords = Version1Reader.codewords(of: symbol)
        let data: [UInt8] = [0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11]
        let ec: [UInt8] = [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55]
        #expect(codewords == data + ec)
    }

    /// The tutorial's "HELLO WORLD" (alphanumeric) at 1-Q and 1-M: data codewords and the error
    /// correction codewords it computes step by step.
    @Test func helloWorldTutorialCodewords() throws {
        let q = try QRCode.encode("HELLO WORLD", level: .quartile)
        #expect(q.version == 1 && q.mode == .alphanumeric)
        #expect(Version1Reader.codewords(of: q) == [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236]
            + [168, 72, 22, 82, 217, 54, 156, 0, 46, 15, 180, 122, 16])
        let m = try QRCode.encode("HELLO WORLD", level: .medium)
        #expect(Array(Version1Reader.codewords(of: m).suffix(10)) == [196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
    }

    /// Format information (Annex C, Table C.1) read back from the symbol, both copies, for every level and mask.
    @Test func formatInformationForEveryLevelAndMask() throws {
        let table: [QRErrorCorrection: [String]] = [
            .low: ["111011111000100", "111001011110011", "111110110101010", "111100010011101",
                   "110011000101111", "110001100011000", "110110001000001", "110100101110110"],
            .medium: ["101010000010010", "101000100100101", "101111001111100", "101101101001011",
                      "100010111111001", "100000011001110", "100111110010111", "100101010100000"],
            .quartile: ["011010101011111", "011000001101000", "011111100110001", "011101000000110",
                        "010010010110100", "010000110000011", "010111011011010", "010101111101101"],
            .high: ["001011010001001", "001001110111110", "001110011100111", "001100111010000",
                    "000011101100010", "000001001010101", "000110100001100", "000100000111011"],
        ]
        for (level, strings) in table {
            for (mask, expected) in strings.enumerated() {
                let s = try QRCode.encode("PUSHDESK", level: level, mask: mask)
                let n = s.size
                // Copy 1: bits 14…9 on row 8, columns 0…5; 8 at (8,7); 7 at (8,8); 6 at (7,8); 5…0 up column 8.
                var first = (0..<6).map { s[8, $0] } + [s[8, 7], s[8, 8], s[7, 8]]
                first += (0..<6).reversed().map { s[$0, 8] }
                // Copy 2: bits 14…8 up column 8 from the bottom row; 7…0 along row 8 towards the right edge.
                let second = (0..<7).map { s[n - 1 - $0, 8] } + (0..<8).map { s[8, n - 8 + $0] }
                #expect(String(first.map { $0 ? "1" : "0" }) == expected, "\(level) mask \(mask), copy 1")
                #expect(String(second.map { $0 ? "1" : "0" }) == expected, "\(level) mask \(mask), copy 2")
                #expect(s[n - 8, 8], "dark module")
            }
        }
    }

    /// Version information (Annex D, Table D.1) for 7 and 40, read from the top-right block (bit 17 first).
    @Test func versionInformation() throws {
        for (version, expected) in [(7, "000111110010010100"), (40, "101000110001101001")] {
            let s = try QRCode.encode("V", level: .low, version: version, mask: 0)
            let n = s.size
            var bits = ""
            for i in (0..<18).reversed() { bits += s[i / 3, n - 11 + i % 3] ? "1" : "0" }
            var lowerLeft = ""
            for i in (0..<18).reversed() { lowerLeft += s[n - 11 + i % 3, i / 3] ? "1" : "0" }
            #expect(bits == expected, "version \(version)")
            #expect(lowerLeft == expected, "version \(version), lower left")
        }
    }
}
