import Foundation
import XummPlatform

/// The simulated platform's wall clock: this machine's, shifted by a skew the control API sets
/// (`POST /_sim/clock {"skew_seconds": N}`). It stamps the HTTP `Date` header of every answer and the
/// `x-xumm-request-timestamp` of every webhook, as a platform whose clock is off would.
public final class SimulatorClock: Sendable {
    private let skew = Locked<Double>(0)

    public init() {}

    /// Seconds the simulated platform's clock is ahead of this machine's (negative: behind).
    public var skewSeconds: Double {
        get { skew.value }
        set { skew.value = newValue }
    }

    /// The simulated platform's "now".
    public func now() -> Date { Date().addingTimeInterval(skew.value) }
}
