/// Collects findings while a document is validated, anchoring each at a node of the text.
struct ValidationContext {
    let document: JSONDocument
    private(set) var findings: [Finding] = []
    /// Paths whose value is an unfilled placeholder; other findings there are suppressed.
    var placeholderPaths: Set<String> = []

    init(document: JSONDocument) {
        self.document = document
    }

    /// Records an error at `path`, located at the node `anchor` (default: `path` itself, else its nearest ancestor).
    mutating func error(_ path: String, _ message: String, anchor: String? = nil) {
        add(.error, path, message, anchor: anchor)
    }

    /// Records a warning at `path`.
    mutating func warning(_ path: String, _ message: String, anchor: String? = nil) {
        add(.warning, path, message, anchor: anchor)
    }

    mutating func add(_ severity: FindingSeverity, _ path: String, _ message: String, anchor: String?) {
        if !placeholderPaths.isEmpty, placeholderPaths.contains(path) { return }
        let offset = document.nearestOffset(of: anchor ?? path)
        let (line, column) = document.locator.location(ofOffset: offset)
        findings.append(Finding(severity: severity, path: path, message: message, line: line, column: column))
    }

    /// Records a finding for a parse error.
    static func parseFinding(_ error: JSONParseError) -> Finding {
        Finding(severity: .error, path: "", message: error.message, line: max(1, error.line), column: max(1, error.column))
    }
}

/// Joins a parent path and a member key: `join("", "Amount") == "Amount"`, `join("txjson", "Fee") == "txjson.Fee"`.
@inline(__always)
func join(_ parent: String, _ key: String) -> String {
    parent.isEmpty ? key : parent + "." + key
}
