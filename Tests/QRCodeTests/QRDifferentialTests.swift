import Foundation
import QRCode
import Testing

/// Our symbols against segno's (PyPI, pinned in .ci/run), forced to the same version, level, mode and
/// mask: identical matrices. See segno_oracle.py for the one padding rule it is corrected on.
@Suite(.serialized) struct QRDifferentialTests {
    static let linksPerLevel = 1_000

    func oracle() throws -> SegnoOracle? {
        let found = ExternalTool.segnoPython()
        guard let python = found.path else {
            ExternalTool.missing(found.why)
            return nil
        }
        return try SegnoOracle(python: python)
    }

    func bits(_ s: QRSymbol) -> String { String(s.modules.map { $0 == 0 ? "0" : "1" }) }

    /// 1,000 random deep links at every level, each with our choice of version, mode and mask forced on segno.
    @Test(arguments: QRErrorCorrection.allCases)
    func deepLinksMatchSegno(level: QRErrorCorrection) throws {
        guard let segno = try oracle() else { return }
        var links = DeepLinks(seed: 0x5EED_0000 + UInt64(QRErrorCorrection.allCases.firstIndex(of: level)!))
        var compared = 0, versions = Set<Int>(), modes = Set<QRMode>(), masks = Set<Int>()
        for _ in 0..<Self.linksPerLevel {
            let link = links.link()
            let ours = try QRCode.encode(link, level: level)
            let theirs = try segno.encode(link, level: level, version: ours.version, mode: ours.mode, mask: ours.mask)
            guard theirs.failure == nil else {
                Issue.record("segno failed on \(link): \(theirs.failure ?? "")")
                continue
            }
            #expect(theirs.matrix == bits(ours), "\(link) \(ours.version)-\(level) \(ours.mode) mask \(ours.mask)")
            compared += 1
            versions.insert(ours.version); modes.insert(ours.mode); masks.insert(ours.mask)
        }
        print("segno \(segno.greeting.segno) (padding fix \(segno.greeting.padding_fix)): \(compared) deep links at \(level) identical; versions \(versions.sorted()), modes \(modes.map(\.rawValue).sorted()), masks \(masks.sorted())")
        #expect(compared == Self.linksPerLevel)
        #expect(modes.count == 2, "both byte and alphanumeric links were drawn")
    }

    /// segno choosing the mask itself (its own penalty evaluation) picks the same one as ours.
    @Test(arguments: QRErrorCorrection.allCases)
    func maskChoiceMatchesSegno(level: QRErrorCorrection) throws {
        guard let segno = try oracle() else { return }
        var links = DeepLinks(seed: 0xC0DE_0000 + UInt64(QRErrorCorrection.allCases.firstIndex(of: level)!))
        for _ in 0..<200 {
            let link = links.link()
            let ours = try QRCode.encode(link, level: level)
            let theirs = try segno.encode(link, level: level, version: ours.version, mode: ours.mode, mask: nil)
            #expect(theirs.mask == ours.mask, "\(link) \(ours.version)-\(level)")
            #expect(theirs.matrix == bits(ours), "\(link)")
        }
    }

    /// Every version 1…40 at every level, in every mode, filled to a random length that needs that version,
    /// with a random mask: covers multi-block interleaving, alignment patterns and version information.
    @Test func everyVersionMatchesSegno() throws {
        guard let segno = try oracle() else { return }
        var rng = DeepLinks(seed: 0xA11_7E55)
        var compared = 0
        for level in QRErrorCorrection.allCases {
            for version in 1...40 {
                let mode = QRMode.allCases[rng.below(3)]
                let most = maxCharacters(mode, version: version, level: level)
                let fewest = version == 1 ? 1 : maxCharacters(mode, version: version - 1, level: level) + 1
                let text = rng.text(mode, count: fewest + rng.below(most - fewest + 1))
                let mask = rng.below(8)
                let ours = try QRCode.encode(text, level: level, mask: mask, mode: mode)
                let what = "version \(version)-\(level) \(mode), \(text.count) characters, mask \(mask)"
                #expect(ours.version == version, Comment(rawValue: what))
                let theirs = try segno.encode(text, level: level, version: ours.version, mode: mode, mask: mask)
                guard theirs.failure == nil else {
                    Issue.record("segno failed: \(theirs.failure ?? "") (\(what))")
                    continue
                }
                #expect(theirs.matrix == bits(ours), Comment(rawValue: what))
                compared += 1
            }
        }
        print("segno: \(compared) symbols of versions 1…40 identical")
    }

    func maxCharacters(_ mode: QRMode, version: Int, level: QRErrorCorrection) -> Int {
        var lo = 0, hi = 8_000
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            let fits = (try? QRCode.encode(String(repeating: mode == .byte ? "a" : "1", count: mid), level: level, version: version, mask: 0, mode: mode)) != nil
            if fits { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}
