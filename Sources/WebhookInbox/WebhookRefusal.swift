/// Why a delivery was refused, with the HTTP status answered.
public enum WebhookRefusal: String, Sendable, Equatable, CaseIterable, Error {
    case missingSignature = "missing signature or timestamp"
    case badSignature = "signature mismatch"
    case staleTimestamp = "timestamp outside window"
    case malformedJSON = "malformed body"
    case tooLarge = "body too large"

    public var status: Int {
        switch self {
        case .missingSignature, .badSignature, .staleTimestamp: return 401
        case .malformedJSON: return 400
        case .tooLarge: return 413
        }
    }
}
