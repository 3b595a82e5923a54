import Foundation

/// One API call, for the console's request log. Never carries credentials.
public struct RequestLogEvent: Sendable, Equatable {
    public var at: Date
    public var method: String
    /// Path relative to the API base, e.g. `/payload/ci/pd-1234`.
    public var path: String
    /// HTTP status; `nil` when no answer arrived.
    public var status: Int?
    public var latencyMs: Double
    public var rateLimitLimit: Int?
    public var rateLimitRemaining: Int?
    /// The error shown to the operator, when the call failed.
    public var error: String?

    public init(at: Date, method: String, path: String, status: Int?, latencyMs: Double, rateLimitLimit: Int?, rateLimitRemaining: Int?, error: String?) {
        self.at = at; self.method = method; self.path = path; self.status = status; self.latencyMs = latencyMs
        self.rateLimitLimit = rateLimitLimit; self.rateLimitRemaining = rateLimitRemaining; self.error = error
    }
}

/// Latest `X-RateLimit-Limit` / `X-RateLimit-Remaining` seen.
public struct RateLimitStatus: Sendable, Equatable {
    public var limit: Int?
    public var remaining: Int?
    public var observedAt: Date?
    public init(limit: Int? = nil, remaining: Int? = nil, observedAt: Date? = nil) {
        self.limit = limit; self.remaining = remaining; self.observedAt = observedAt
    }
}
