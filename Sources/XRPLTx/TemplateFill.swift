/// Fills a template's fields from `KEY=VALUE` assignments (`pushdesk push --set`), keeping key order.
///
/// `KEY` is a field name or a dotted path into an object (`Amount.value`). `VALUE` becomes a JSON number
/// for UInt32 fields (`DestinationTag=12`), raw JSON when it starts with `{` or `[`, otherwise a string.
public enum TemplateFill {
    public enum FillError: Error, Equatable, CustomStringConvertible {
        case malformedAssignment(String)
        case badJSON(key: String, message: String)
        case notAnObject(path: String)
        public var description: String {
            switch self {
            case .malformedAssignment(let a): return "expected KEY=VALUE, got \(a)"
            case .badJSON(let k, let m): return "value for \(k) is not valid JSON: \(m)"
            case .notAnObject(let p): return "\(p) is not an object"
            }
        }
    }

    /// Applies the assignments to the txjson text and returns it pretty-printed.
    public static func apply(_ assignments: [String], to txjsonText: String) throws -> String {
        var root = try JSONDocument(parsing: txjsonText).root
        for a in assignments {
            guard let eq = a.firstIndex(of: "="), eq != a.startIndex else { throw FillError.malformedAssignment(a) }
            let key = String(a[..<eq])
            let raw = String(a[a.index(after: eq)...])
            let path = key.split(separator: ".").map(String.init)
            root = try set(root, path: path, to: value(for: path.last ?? key, raw: raw, key: key), walked: "")
        }
        return JSONPrinter.pretty(root)
    }

    static func value(for field: String, raw: String, key: String) throws -> JSONValue {
        if raw.hasPrefix("{") || raw.hasPrefix("[") {
            do { return try JSONDocument(parsing: raw).root } catch { throw FillError.badJSON(key: key, message: error.description) }
        }
        if FieldCatalog.uint32.contains(field) || FieldCatalog.uint16[field] != nil || FieldCatalog.uint8.contains(field), UInt32(raw) != nil { return .number(raw) }
        if raw == "true" || raw == "false", field == "SignIn" { return .bool(raw == "true") }
        return .string(raw)
    }

    static func set(_ node: JSONValue, path: [String], to value: JSONValue, walked: String) throws -> JSONValue {
        guard let head = path.first else { return value }
        guard var members = node.objectMembers else { throw FillError.notAnObject(path: walked.isEmpty ? "(root)" : walked) }
        let here = walked.isEmpty ? head : walked + "." + head
        if let i = members.firstIndex(where: { $0.key == head }) {
            members[i].value = try set(members[i].value, path: Array(path.dropFirst()), to: value, walked: here)
        } else {
            members.append((key: head, value: try set(.object([]), path: Array(path.dropFirst()), to: value, walked: here)))
        }
        return .object(members)
    }
}
