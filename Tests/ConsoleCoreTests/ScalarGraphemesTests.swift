import Testing
@testable import ConsoleCore

/// The scalar-by-scalar drawing path must give exactly what grapheme-by-grapheme drawing gives.
struct ScalarGraphemesTests {
    static let simpleScalars: [Unicode.Scalar] = (0..<0x3000).compactMap { v in
        ScalarGraphemes.isSimple(UInt32(v)) ? Unicode.Scalar(UInt32(v)) : nil
    }

    /// Every scalar of the set breaks from a letter on either side, so no two of them join.
    @Test func everySimpleScalarIsAGraphemeOfItsOwn() {
        #expect(Self.simpleScalars.count > 3_000)
        for s in Self.simpleScalars {
            var before = String.UnicodeScalarView(), after = String.UnicodeScalarView()
            before.append("a"); before.append(s)
            after.append(s); after.append("a")
            #expect(String(before).count == 2 && String(after).count == 2, "U+\(String(s.value, radix: 16)) joins a neighbour")
        }
    }

    @Test func tableWidthsEqualTheGeneralRule() {
        for s in Self.simpleScalars { #expect(DisplayWidth.of(scalar: s.value) == DisplayWidth.of(Character(s))) }
        #expect(DisplayWidth.of(Character("─")) == 1)
        #expect(DisplayWidth.of(Character("⌚")) == 2)
        #expect(DisplayWidth.of(Character("\u{301}")) == 0)
    }

    /// Pseudo-random text from a pool of hard cases, drawn both ways at random places and widths.
    @Test func scalarPathDrawsTheSameCellsAsTheGraphemePath() {
        let pool: [String] = ["a", "Z", " ", "─", "│", "┌", "▀", "▄", "█", "✓", "▸", "…", "—", "→", "⌚", "☀", "é", "ß", "€",
                              "e\u{301}", "\u{301}", "日", "👍🏽", "☀\u{FE0F}", "\u{200D}", "\u{1B}[31m", "\u{9B}", "\u{202E}", "\t", "\n", "한", "\u{1100}\u{1161}"]
        // A fixed linear congruential sequence, so a failure reproduces.
        var seed: UInt64 = 0x5CA1AB1E
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        var fastCount = 0
        for _ in 0..<5_000 {
            let text = (0...next(12)).map { _ in pool[next(pool.count)] }.joined()
            let x = next(24) - 3, limit = next(25)
            var fast = Buffer(width: 24, height: 1), general = Buffer(width: 24, height: 1)
            // Something underneath, so the wide-grapheme overwrite rules are exercised too.
            fast.put("日本語テキスト", x: 0, y: 0); general.put("日本語テキスト", x: 0, y: 0)
            let a = fast.put(text, x: x, y: 0, maxWidth: limit)
            let b = general.putGraphemes(text, x: x, y: 0, style: .plain, limit: min(24, x + max(0, limit)))
            if ScalarGraphemes.isSimple(text) { fastCount += 1 }
            #expect(a == b && fast == general, "differs for \(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) })
        }
        #expect(fastCount > 100)
    }
}
