/// Why a text could not become a QR code.
public enum QREncodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text needs more data bits than version 40 holds at this level.
    case textTooLong(characters: Int, mode: QRMode, level: QRErrorCorrection, maximumCharacters: Int)
    /// The text needs a larger version than the one asked for.
    case doesNotFitVersion(version: Int, level: QRErrorCorrection, neededBits: Int, availableBits: Int)
    /// The version asked for is not 1…40.
    case invalidVersion(Int)
    /// The mask asked for is not 0…7.
    case invalidMask(Int)
    /// The mode asked for cannot write some character of the text.
    case unsupportedCharacters(mode: QRMode)

    public var description: String {
        switch self {
        case let .textTooLong(characters, mode, level, maximum):
            return "text too long for a QR code: \(characters) characters in \(mode) mode, "
                + "at most \(maximum) fit (version 40, error correction \(level))"
        case let .doesNotFitVersion(version, level, needed, available):
            return "text does not fit QR version \(version)-\(level): needs \(needed) data bits, it holds \(available)"
        case .invalidVersion(let v):
            return "QR version \(v) does not exist (1…40)"
        case .invalidMask(let m):
            return "QR mask \(m) does not exist (0…7)"
        case .unsupportedCharacters(let mode):
            return "the text has characters that \(mode) mode cannot write"
        }
    }
}
