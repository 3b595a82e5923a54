/// The result of `pushdesk tx check`: validation findings plus the text and JSON renderings.
public struct TxCheckReport: Sendable {
    /// No errors (warnings allowed).
    public var isValid: Bool { errors.isEmpty }
    public var errors: [Finding]
    public var warnings: [Finding]

    /// Validates a txjson text OR a payload body (a top-level "txjson"/"txblob" key means payload).
    public init(text: String) {
        let findings: [Finding]
        do {
            let document = try JSONDocument(parsing: text)
            findings = TxValidator.isPayload(document) ? TxValidator.validate(payload: document) : TxValidator.validate(txjson: document)
        } catch {
            findings = [ValidationContext.parseFinding(error)]
        }
        let ordered = findings.enumerated().sorted { a, b in
            (a.element.line, a.element.column, a.offset) < (b.element.line, b.element.column, b.offset)
        }.map(\.element)
        errors = ordered.filter { $0.severity == .error }
        warnings = ordered.filter { $0.severity == .warning }
    }

    /// 0 valid, 1 invalid (2 for unreadable input is decided by the CLI).
    public var exitCode: Int32 { isValid ? 0 : 1 }

    /// Lines `line:col path: message` (prefixed `warning: ` for warnings) and a final summary line.
    /// The file name appears only in the summary line (`tx.json: invalid (1 error, 0 warnings)`).
    public func textOutput(fileName: String) -> String {
        var lines: [String] = []
        let all = (errors + warnings).sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        for f in all {
            let prefix = f.severity == .warning ? "warning: " : ""
            let location = "\(f.line):\(f.column)"
            let path = f.path.isEmpty ? "(root)" : f.path
            lines.append("\(location) \(prefix)\(path): \(f.message)")
        }
        let e = errors.count, w = warnings.count
        let counts = "\(e) error\(e == 1 ? "" : "s"), \(w) warning\(w == 1 ? "" : "s")"
        lines.append(isValid ? "\(fileName.isEmpty ? "input" : fileName): valid (\(counts))" : "\(fileName.isEmpty ? "input" : fileName): invalid (\(counts))")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"valid": bool, "errors": [{"path","message","line","column"}], "warnings": [...]}`.
    public func jsonOutput() -> String {
        func encode(_ list: [Finding]) -> JSONValue {
            .array(list.map { f in
                .object([
                    (key: "path", value: .string(f.path)),
                    (key: "message", value: .string(f.message)),
                    (key: "line", value: .number(String(f.line))),
                    (key: "column", value: .number(String(f.column))),
                ])
            })
        }
        let value = JSONValue.object([
            (key: "valid", value: .bool(isValid)),
            (key: "errors", value: encode(errors)),
            (key: "warnings", value: encode(warnings)),
        ])
        return JSONPrinter.pretty(value)
    }
}
