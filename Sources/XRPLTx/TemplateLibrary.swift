import Foundation

/// The txjson templates (`{"title": "...", "purpose": "...", "txjson": {...}}` files): the ones
/// built into the binary, plus any folder given at run time.
public enum TemplateLibrary {
    /// Why a template folder could not be loaded.
    public enum LoadError: Error, Sendable, Equatable, CustomStringConvertible {
        case unreadableDirectory(String)
        case unreadableFile(String)
        case badJSON(file: String, JSONParseError)
        case badShape(file: String, String)

        public var description: String {
            switch self {
            case .unreadableDirectory(let p): return "cannot read template folder \(p)"
            case .unreadableFile(let f): return "cannot read template \(f)"
            case .badJSON(let f, let e): return "\(f):\(e.line):\(e.column): \(e.message)"
            case .badShape(let f, let why): return "\(f): \(why)"
            }
        }
    }

    /// The templates built into the binary (``ShippedTemplates``, generated from `assets/templates/`),
    /// sorted with SignIn first. Needs no file at run time: an installed binary has them.
    public static let shipped: [TxTemplate] = sorted(ShippedTemplates.files.compactMap { file, text in
        // Every shipped template parses (ShippedTemplatesTests); `try?` only keeps a static initializer total.
        try? parse(text: text, name: String(file.dropLast(5)), file: file)
    })

    /// A folder of extra templates given at run time: `$PUSHDESK_ASSETS/templates` when that
    /// variable is set and the folder exists; `nil` otherwise.
    public static var runtimeDirectory: URL? {
        guard let assets = ProcessInfo.processInfo.environment["PUSHDESK_ASSETS"], !assets.isEmpty else { return nil }
        let url = URL(fileURLWithPath: assets).appendingPathComponent("templates")
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue ? url : nil
    }

    /// The shipped templates plus those in `directory` (see ``load(from:)``); a folder's template
    /// replaces the shipped one of the same name. `nil` gives the shipped templates alone.
    public static func library(adding directory: URL? = runtimeDirectory) throws -> [TxTemplate] {
        guard let directory else { return shipped }
        let extra = try load(from: directory)
        let replaced = Set(extra.map(\.name))
        return sorted(shipped.filter { !replaced.contains($0.name) } + extra)
    }

    /// Loads every `*.json` template in `directory`, sorted by name with SignIn first.
    public static func load(from directory: URL) throws -> [TxTemplate] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw LoadError.unreadableDirectory(directory.path)
        }
        var templates: [TxTemplate] = []
        for file in names where file.hasSuffix(".json") {
            let url = directory.appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                throw LoadError.unreadableFile(file)
            }
            templates.append(try parse(text: text, name: String(file.dropLast(5)), file: file))
        }
        return sorted(templates)
    }

    /// By name, SignIn first.
    static func sorted(_ templates: [TxTemplate]) -> [TxTemplate] {
        templates.sorted { a, b in
            if (a.name == "SignIn") != (b.name == "SignIn") { return a.name == "SignIn" }
            return a.name < b.name
        }
    }

    /// Parses one template file's text.
    public static func parse(text: String, name: String, file: String? = nil) throws -> TxTemplate {
        let file = file ?? name + ".json"
        let document: JSONDocument
        do { document = try JSONDocument(parsing: text) } catch { throw LoadError.badJSON(file: file, error) }
        guard case .object = document.root else { throw LoadError.badShape(file: file, "a template must be a JSON object") }
        guard let title = document.root["title"]?.stringValue, !title.isEmpty else {
            throw LoadError.badShape(file: file, "missing string \"title\"")
        }
        guard let purpose = document.root["purpose"]?.stringValue, !purpose.isEmpty else {
            throw LoadError.badShape(file: file, "missing string \"purpose\"")
        }
        guard let tx = document.root["txjson"], case .object = tx else {
            throw LoadError.badShape(file: file, "missing object \"txjson\"")
        }
        return TxTemplate(name: name, title: title, purpose: purpose, txjsonText: JSONPrinter.pretty(tx))
    }
}
