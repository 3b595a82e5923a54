/// Minimal RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF line ends.
public enum CSV {
    /// Parses text into rows of fields. A blank line is a row with one empty field (so row numbers match lines).
    public static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var fieldWasQuoted = false
        var it = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return it.next()
        }
        func endRow() {
            row.append(field)
            rows.append(row)
            row = []; field = ""; fieldWasQuoted = false
        }
        while let c = next() {
            if inQuotes {
                if c == "\"" {
                    if let n = next() {
                        if n == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; pending = n }
                    } else { inQuotes = false }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty: inQuotes = true; fieldWasQuoted = true
            case ",": row.append(field); field = ""; fieldWasQuoted = false
            case "\r":
                if let n = next(), n != "\n" { pending = n }
                endRow()
            case "\n": endRow()
            default: field.unicodeScalars.append(c)
            }
        }
        if inQuotes { throw StoreError.unreadableImport("CSV: unterminated quoted field") }
        if !field.isEmpty || !row.isEmpty || fieldWasQuoted { endRow() }
        return rows
    }

    /// Quotes a field when it contains a comma, quote or line break.
    public static func escape(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
