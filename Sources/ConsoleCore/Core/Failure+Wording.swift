import XRPLTx

extension Failure {
    /// The failure as the operator reads it: what happened, the platform's code and reference when it
    /// gave them, and what to do. Shared by the console and the headless commands.
    public var operatorText: String {
        switch self {
        case .credentialsRefused(let ref):
            return "credentials refused by the platform (code 813\(ref.map { ", reference \($0)" } ?? "")): check XUMM_APIKEY / XUMM_APISECRET"
        case .notFound(let what, let ref):
            return "not found: \(what)\(ref.map { " (reference \($0))" } ?? "")"
        case .rateLimited(let limit, let remaining, let after):
            var s = "rate limited by the platform"
            if let limit { s += " (limit \(limit)/min, remaining \(remaining ?? 0))" }
            if let after { s += "; retry in \(after) s" }
            return s
        case .platform(let status, let code, let ref, let message):
            return "platform error \(code.map(String.init) ?? String(status))\(message.map { ": \($0)" } ?? "")\(ref.map { " (reference \($0))" } ?? "")"
        case .server(let status, let code, let ref):
            return "platform server error HTTP \(status)\(code.map { ", code \($0)" } ?? "")\(ref.map { " (reference \($0))" } ?? ""); try again"
        case .unreachable(let reason):
            return "could not reach the platform: \(reason)"
        case .unexpectedAnswer(let type, let path, let reason):
            return "unexpected answer from the platform: \(type) at \(path.isEmpty ? "<root>" : path): \(reason)"
        case .invalidRequest(let reason):
            return "invalid request: \(reason)"
        case .invalidTransaction(let findings) where findings.isEmpty:
            return "txjson is invalid: it must be one JSON object"
        case .invalidTransaction(let findings):
            let lines = findings.map { "\($0.line):\($0.column) \($0.path.isEmpty ? "(root)" : $0.path): \($0.message)" }
            return "txjson is invalid:\n" + lines.joined(separator: "\n")
        case .expireNotPositive:
            return "expire must be a positive number of minutes"
        case .instructionTooLong(let n):
            return "instruction is \(n) characters; the platform allows 280"
        case .store(let reason):
            return "store unavailable: \(reason)"
        case .templates(let reason):
            return "cannot read templates: \(reason)"
        case .editor(let reason):
            return "cannot run $EDITOR: \(reason)"
        }
    }

    /// The first line of ``operatorText``, for the one-line status bar.
    var statusText: String {
        let text = operatorText
        guard let newline = text.firstIndex(of: "\n") else { return text }
        return String(text[..<newline]) + " (" + String(text[text.index(after: newline)...].split(separator: "\n").first ?? "") + ")"
    }
}
