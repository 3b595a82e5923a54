/// How one cell is drawn. Colours are semantic (`Tone`); attributes survive `noColor`.
public struct Style: Sendable, Equatable, Hashable {
    public var fg: Tone?
    public var bg: Tone?
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(fg: Tone? = nil, bg: Tone? = nil, bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false) {
        self.fg = fg; self.bg = bg; self.bold = bold; self.reverse = reverse; self.underline = underline; self.dim = dim
    }

    /// The terminal's default look.
    public static let plain = Style()
    public static let bold = Style(bold: true)
    public static let dim = Style(dim: true)
    public static let reverse = Style(reverse: true)
    public static func fg(_ tone: Tone, bold: Bool = false) -> Style { Style(fg: tone, bold: bold) }

    /// Same style with colours removed (for `noColor`).
    public var monochrome: Style { Style(bold: bold, reverse: reverse, underline: underline, dim: dim) }

    /// Short description for the snapshot style layer, e.g. `fg=fresh,bold`.
    public var summary: String {
        var parts: [String] = []
        if let fg { parts.append("fg=\(fg.rawValue)") }
        if let bg { parts.append("bg=\(bg.rawValue)") }
        if bold { parts.append("bold") }
        if reverse { parts.append("rev") }
        if underline { parts.append("ul") }
        if dim { parts.append("dim") }
        return parts.joined(separator: ",")
    }
}
