/// A strict RFC 8259 JSON reader that keeps object key order, records the position of every
/// node and rejects duplicate keys. Used through ``JSONDocument/init(parsing:)``.
struct JSONParser {
    private let bytes: [UInt8]
    private var index = 0
    private var valueOffsets: [String: Int] = [:]
    private var keyOffsets: [String: Int] = [:]
    private let maxDepth = 256

    init(text: String) {
        bytes = Array(text.utf8)
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONDocument {
        // Skip a UTF-8 byte-order mark.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        skipWhitespace()
        if index >= bytes.count { throw fail("empty input: expected a JSON value") }
        let root = try parseValue(path: "", depth: 0)
        skipWhitespace()
        if index < bytes.count { throw fail("unexpected \(describeCurrent()) after the JSON value") }
        return JSONDocument(root: root, valueOffsets: valueOffsets, keyOffsets: keyOffsets,
                            locator: SourceLocator(utf8: bytes))
    }

    // MARK: - Values

    private mutating func parseValue(path: String, depth: Int) throws(JSONParseError) -> JSONValue {
        guard index < bytes.count else { throw fail("unexpected end of input: expected a value") }
        valueOffsets[path] = index
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject(path: path, depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(path: path, depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "'"): throw fail("strings must use double quotes, not single quotes")
        case UInt8(ascii: "}"), UInt8(ascii: "]"): throw fail("expected a value, found \(describeCurrent())")
        default: throw fail("expected a value, found \(describeCurrent())")
        }
    }

    private mutating func parseObject(path: String, depth: Int) throws(JSONParseError) -> JSONValue {
        if depth > maxDepth { throw fail("nesting deeper than \(maxDepth) levels") }
        index += 1  // {
        var members: [(key: String, value: JSONValue)] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "}") { index += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw fail("unexpected end of input: expected a key or '}'") }
            guard bytes[index] == UInt8(ascii: "\"") else {
                if bytes[index] == UInt8(ascii: "}") { throw fail("trailing comma before '}' is not allowed") }
                throw fail("expected a key in double quotes, found \(describeCurrent())")
            }
            let keyStart = index
            let key = try parseString()
            for member in members where member.key == key {
                index = keyStart
                throw fail("duplicate key \"\(key)\"")
            }
            let childPath = path.isEmpty ? key : path + "." + key
            keyOffsets[childPath] = keyStart
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw fail("expected ':' after key \"\(key)\"") }
            index += 1
            skipWhitespace()
            let value = try parseValue(path: childPath, depth: depth)
            members.append((key: key, value: value))
            skipWhitespace()
            guard index < bytes.count else { throw fail("unexpected end of input: expected ',' or '}'") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            throw fail("expected ',' or '}' after an object member, found \(describeCurrent())")
        }
    }

    private mutating func parseArray(path: String, depth: Int) throws(JSONParseError) -> JSONValue {
        if depth > maxDepth { throw fail("nesting deeper than \(maxDepth) levels") }
        index += 1  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") { index += 1; return .array(elements) }
        while true {
            skipWhitespace()
            if peek() == UInt8(ascii: "]") { throw fail("trailing comma before ']' is not allowed") }
            let value = try parseValue(path: path + "[\(elements.count)]", depth: depth)
            elements.append(value)
            skipWhitespace()
            guard index < bytes.count else { throw fail("unexpected end of input: expected ',' or ']'") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
            throw fail("expected ',' or ']' after an array element, found \(describeCurrent())")
        }
    }

    // MARK: - Scalars

    private mutating func parseString() throws(JSONParseError) -> String {
        let open = index
        index += 1
        let start = index
        // Fast path: no escapes.
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                let s = String(decoding: bytes[start..<index], as: UTF8.self)
                index += 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw fail(b == 0x0A ? "unterminated string (a newline must be written as \\n)" : "control character in a string must be escaped") }
            index += 1
        }
        guard index < bytes.count else { index = open; throw fail("unterminated string") }
        var buffer = Array(bytes[start..<index])
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: buffer, as: UTF8.self)
            }
            if b < 0x20 { throw fail(b == 0x0A ? "unterminated string (a newline must be written as \\n)" : "control character in a string must be escaped") }
            if b != UInt8(ascii: "\\") { buffer.append(b); index += 1; continue }
            index += 1
            guard index < bytes.count else { break }
            let e = bytes[index]
            switch e {
            case UInt8(ascii: "\""): buffer.append(0x22)
            case UInt8(ascii: "\\"): buffer.append(0x5C)
            case UInt8(ascii: "/"): buffer.append(0x2F)
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "n"): buffer.append(0x0A)
            case UInt8(ascii: "r"): buffer.append(0x0D)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "u"):
                index -= 1
                let scalar = try parseUnicodeEscape()
                buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
                continue
            default:
                index -= 1
                throw fail("invalid escape sequence in a string")
            }
            index += 1
        }
        index = open
        throw fail("unterminated string")
    }

    /// Parses `\uXXXX` (and a following low surrogate); `index` is at the backslash.
    private mutating func parseUnicodeEscape() throws(JSONParseError) -> Unicode.Scalar {
        let escapeStart = index
        let high = try readHex4()
        if (0xDC00...0xDFFF).contains(high) {
            index = escapeStart
            throw fail("invalid \\u escape: unpaired low surrogate")
        }
        if (0xD800...0xDBFF).contains(high) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                index = escapeStart
                throw fail("invalid \\u escape: unpaired high surrogate")
            }
            let low = try readHex4()
            guard (0xDC00...0xDFFF).contains(low) else {
                index = escapeStart
                throw fail("invalid \\u escape: unpaired high surrogate")
            }
            let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            return Unicode.Scalar(value)!
        }
        return Unicode.Scalar(high)!
    }

    /// Reads `\uXXXX` at `index` and returns the 16-bit value.
    private mutating func readHex4() throws(JSONParseError) -> UInt32 {
        let start = index
        index += 2  // \u
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count, let digit = hexValue(bytes[index]) else {
                index = start
                throw fail("invalid \\u escape: expected 4 hex digits")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private mutating func parseNumber() throws(JSONParseError) -> String {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw fail("invalid number: expected a digit") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw fail("invalid number: leading zeros are not allowed") }
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw fail("invalid number: expected a digit after '.'") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw fail("invalid number: expected a digit in the exponent") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func expectLiteral(_ word: String) throws(JSONParseError) {
        let start = index
        let literal = Array(word.utf8)
        guard start + literal.count <= bytes.count, bytes[start..<(start + literal.count)].elementsEqual(literal) else {
            throw fail("expected a value, found \(describeCurrent())")
        }
        index += literal.count
        if index < bytes.count, isIdentifierByte(bytes[index]) {
            index = start
            throw fail("expected a value, found \(describeCurrent())")
        }
    }

    // MARK: - Helpers

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    private func isIdentifierByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
    }

    private func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x41...0x46: return b - 0x41 + 10
        case 0x61...0x66: return b - 0x61 + 10
        default: return nil
        }
    }

    /// Describes the character at `index` for a message (`'x'`, `end of input`).
    private func describeCurrent() -> String {
        guard index < bytes.count else { return "end of input" }
        let b = bytes[index]
        if isIdentifierByte(b) {
            var end = index
            while end < bytes.count, end - index < 20, isIdentifierByte(bytes[end]) { end += 1 }
            return "'\(String(decoding: bytes[index..<end], as: UTF8.self))'"
        }
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        if b < 0x20 || b == 0x7F { return "control character 0x\(String(b, radix: 16, uppercase: true))" }
        return "a non-ASCII character"
    }

    private func fail(_ message: String) -> JSONParseError {
        let (line, column) = SourceLocator(utf8: bytes).location(ofOffset: index)
        return JSONParseError(message: message, line: line, column: column, offset: index)
    }
}
