import Foundation
import Testing
import XRPLTx

/// The templates are built into the binary (`Sources/XRPLTx/Generated/ShippedTemplates.swift`,
/// written by `scripts/embed-assets.py`): they must never drift from `assets/templates/`, and a
/// folder given at run time adds to them.
@Suite struct ShippedTemplatesTests {
    /// `assets/templates/` of this checkout (tests run in the checkout; the shipped code never reads it).
    static let assets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("assets/templates")

    @Test func generatedFileMatchesAssetsExactly() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.assets.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(ShippedTemplates.files.keys.sorted() == names, "run scripts/embed-assets.py")
        for name in names {
            let text = try String(contentsOf: Self.assets.appendingPathComponent(name), encoding: .utf8)
            #expect(ShippedTemplates.files[name] == text, "\(name) differs from the generated copy: run scripts/embed-assets.py")
        }
    }

    @Test func everyShippedTemplateParsesAndEqualsTheFolderLoad() throws {
        #expect(TemplateLibrary.shipped.count == ShippedTemplates.files.count)
        #expect(TemplateLibrary.shipped == (try TemplateLibrary.load(from: Self.assets)))
        #expect(TemplateLibrary.shipped.first?.name == "SignIn")
    }

    @Test func aRuntimeFolderAddsToAndOverridesTheShippedOnes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pd-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try #"{"title": "Desk check-in", "purpose": "Our own.", "txjson": {"TransactionType": "SignIn"}}"#
            .write(to: dir.appendingPathComponent("DeskCheckIn.json"), atomically: true, encoding: .utf8)
        try #"{"title": "Our trust line", "purpose": "Replaces the shipped one.", "txjson": {"TransactionType": "TrustSet"}}"#
            .write(to: dir.appendingPathComponent("TrustSet.json"), atomically: true, encoding: .utf8)
        let library = try TemplateLibrary.library(adding: dir)
        #expect(library.count == TemplateLibrary.shipped.count + 1)
        #expect(library.first?.name == "SignIn")
        #expect(library.contains { $0.name == "DeskCheckIn" })
        #expect(library.filter { $0.name == "TrustSet" }.map(\.title) == ["Our trust line"])
        #expect(try TemplateLibrary.library(adding: nil) == TemplateLibrary.shipped)
        #expect(throws: TemplateLibrary.LoadError.self) { try TemplateLibrary.library(adding: dir.appendingPathComponent("missing")) }
    }
}
