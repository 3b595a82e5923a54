/// The `:` command line: names, parsing and Tab completion.
public enum CommandParser {
    /// Command names in completion order.
    public static let commands = ["user", "template", "push", "cancel", "verify", "expire", "instruction", "stop", "log", "sort", "help", "quit", "q"]

    /// Splits `text` into the command word and its argument.
    public static func split(_ text: String) -> (name: String, argument: String) {
        let trimmed = text.drop { $0 == " " }
        guard let space = trimmed.firstIndex(of: " ") else { return (String(trimmed), "") }
        return (String(trimmed[..<space]), String(trimmed[trimmed.index(after: space)...]).trimmingSpaces)
    }

    /// Longest common prefix of `words` (case-insensitive match, case of the first word kept).
    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first.map(Array.init) else { return "" }
        for w in words.dropFirst() {
            let a = Array(w)
            var n = 0
            while n < prefix.count, n < a.count, prefix[n].lowercased() == a[n].lowercased() { n += 1 }
            prefix = Array(prefix[..<n])
        }
        return String(prefix)
    }

    /// Completes `text` given the candidate names for the argument. Returns the new text and the
    /// candidates to show when ambiguous.
    public static func complete(_ text: String, names: (String) -> [String]) -> (text: String, candidates: [String]) {
        let (name, arg) = split(text)
        if !text.contains(" ") {
            let matches = commands.filter { $0.hasPrefix(name.lowercased()) }
            if matches.count == 1 { return (matches[0] + " ", []) }
            let p = commonPrefix(matches)
            return (p.count > name.count ? p : text, matches)
        }
        let matches = names(name).filter { $0.lowercased().hasPrefix(arg.lowercased()) }
        if matches.count == 1 { return ("\(name) \(matches[0])", []) }
        let p = commonPrefix(matches)
        return (p.count > arg.count ? "\(name) \(p)" : text, Array(matches.prefix(8)))
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
