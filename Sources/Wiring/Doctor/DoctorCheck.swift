/// One line of `pushdesk doctor`: what was checked, what was found, and what to do about it.
public struct DoctorCheck: Sendable, Equatable, Encodable {
    /// How a check came out.
    public enum Status: String, Sendable, Equatable, Encodable {
        /// All good.
        case pass
        /// Works, but worth a look (does not fail the run).
        case warn
        /// Broken: the run exits 1.
        case fail
        /// Not checked, because an earlier check failed (does not fail the run by itself).
        case skipped
    }

    /// Stable identifier (`credentials`, `webhook_url`, `clock`, `store`, `config_file`, `locale`,
    /// `terminal_size`, `colours`).
    public var name: String
    /// Pass, warning, failure, or not checked.
    public var status: Status
    /// What was found, in a sentence.
    public var detail: String
    /// What to do, when there is something to do.
    public var fix: String?

    public init(_ name: String, _ status: Status, _ detail: String, fix: String? = nil) {
        self.name = name; self.status = status; self.detail = detail; self.fix = fix
    }

    enum CodingKeys: String, CodingKey { case name, status, detail, fix }

    /// `fix` is written as `null` when absent, so every object has the same four keys.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(status, forKey: .status)
        try c.encode(detail, forKey: .detail)
        try c.encode(fix, forKey: .fix)
    }
}
