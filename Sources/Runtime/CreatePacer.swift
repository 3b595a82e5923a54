import Foundation
import XummPlatform

/// Paces payload creation under the platform's limit (about 30 creates per minute per app) and
/// the `X-RateLimit-Remaining` the last answer carried.
public actor CreatePacer {
    private var recent: [ContinuousClock.Instant] = []
    private let perMinute: Int?
    private var pausedUntil: ContinuousClock.Instant?

    /// - Parameter perMinute: `nil` disables the local window (e.g. a simulator with enforcement off).
    public init(perMinute: Int? = 30) { self.perMinute = perMinute }

    /// Waits until one more create fits.
    public func waitForSlot(rateLimit: RateLimitStatus) async {
        if let until = pausedUntil, until > .now { try? await Task.sleep(until: until, clock: .continuous) }
        if let remaining = rateLimit.remaining, remaining <= 0 {
            try? await Task.sleep(for: .seconds(5))
        }
        guard let perMinute else { return }
        let windowStart = ContinuousClock.now - .seconds(60)
        recent.removeAll { $0 < windowStart }
        if recent.count >= perMinute, let oldest = recent.first {
            try? await Task.sleep(until: oldest + .seconds(60), clock: .continuous)
            recent.removeFirst()
        }
        recent.append(.now)
    }

    /// After a 429: pause creates for a while.
    public func backOff() { pausedUntil = .now + .seconds(10) }
}
