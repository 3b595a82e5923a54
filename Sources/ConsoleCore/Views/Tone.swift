/// The semantic colour palette. The Terminal maps tones to terminal colours; with `noColor` none is drawn.
public enum Tone: String, Sendable, Equatable, CaseIterable {
    /// Live token (green).
    case fresh
    /// Token expiring soon, warnings (yellow).
    case expiring
    /// Expired token, errors (red).
    case expired
    /// Revoked token (magenta).
    case revoked
    /// Focus, titles, keys (cyan).
    case accent
    /// Informational (blue).
    case info
    /// The light modules and quiet zone of a QR code (white), drawn on `ink`.
    case paper
    /// The dark modules of a QR code (black).
    case ink
}
