import Foundation

/// The public SDKs' fixture bodies, copied into the repo from `../shared/fixtures/xumm/` (see its README for sources and licences).
enum Fixtures {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/xumm")

    static func data(_ relative: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(relative))
    }

    /// Every `.json` file under the fixtures folder, relative paths.
    static func allFiles() throws -> [String] {
        let fm = FileManager.default
        guard let e = fm.enumerator(atPath: root.path) else { return [] }
        return e.compactMap { $0 as? String }.filter { $0.hasSuffix(".json") }.sorted()
    }

    /// A sub-object of a fixture file, re-serialised.
    static func part(_ relative: String, _ keys: String...) throws -> Data {
        var value = try JSONSerialization.jsonObject(with: data(relative).drop(while: { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }))
        for k in keys { value = (value as! [String: Any])[k]! }
        return try JSONSerialization.data(withJSONObject: value)
    }
}
