import Foundation

/// One API call as shown in the request log.
public struct RequestLogEntry: Sendable, Equatable {
    public var method: String
    public var path: String
    public var status: Int?
    public var latencyMs: Double
    public var rateLimitRemaining: Int?
    public var at: Date
    public var error: String?
    public init(method: String, path: String, status: Int?, latencyMs: Double, rateLimitRemaining: Int?, at: Date, error: String? = nil) {
        self.method = method; self.path = path; self.status = status; self.latencyMs = latencyMs
        self.rateLimitRemaining = rateLimitRemaining; self.at = at; self.error = error
    }
}
