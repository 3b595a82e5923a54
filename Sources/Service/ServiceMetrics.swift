import Foundation
import Metrics
import Prometheus
import WebhookInbox

/// What `pushdesk serve` exposes at `/metrics`, in the Prometheus text format: swift-metrics
/// instruments backed by a registry of this service's own (nothing global). No label or value ever
/// carries the API secret or a store password.
public final class ServiceMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory
    private let accepted: Metrics.Counter, duplicate: Metrics.Counter, refused: Metrics.Counter, unavailable: Metrics.Counter
    private let ingest: Metrics.Timer
    private let live: Metrics.Gauge
    private let storeUp: Metrics.Gauge
    private let rateLimitRemaining: Metrics.Gauge

    public init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets["pushdesk_webhook_ingest_seconds"] = [
            .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5),
        ]
        self.factory = factory
        let deliveries = "pushdesk_webhook_deliveries_total"
        accepted = Metrics.Counter(label: deliveries, dimensions: [("outcome", "accepted")], factory: factory)
        duplicate = Metrics.Counter(label: deliveries, dimensions: [("outcome", "duplicate")], factory: factory)
        refused = Metrics.Counter(label: deliveries, dimensions: [("outcome", "refused")], factory: factory)
        unavailable = Metrics.Counter(label: deliveries, dimensions: [("outcome", "store_unavailable")], factory: factory)
        ingest = Metrics.Timer(label: "pushdesk_webhook_ingest_seconds", factory: factory)
        live = Metrics.Gauge(label: "pushdesk_live_payloads", factory: factory)
        storeUp = Metrics.Gauge(label: "pushdesk_store_up", factory: factory)
        rateLimitRemaining = Metrics.Gauge(label: "pushdesk_platform_rate_limit_remaining", factory: factory)
        live.record(0)
        storeUp.record(1)
        for outcome in ["signed", "rejected", "expired", "cancelled"] {
            Metrics.Counter(label: "pushdesk_payloads_final_total", dimensions: [("outcome", outcome)], factory: factory).increment(by: 0)
        }
    }

    /// One delivery the inbox answered.
    public func delivered(_ event: WebhookDeliveryEvent) {
        switch event.outcome {
        case .recorded: accepted.increment()
        case .duplicate: duplicate.increment()
        case .refused: refused.increment()
        case .storeUnavailable: unavailable.increment()
        }
        ingest.recordNanoseconds(Int64(event.latency.components.seconds) * 1_000_000_000 + event.latency.components.attoseconds / 1_000_000_000)
    }

    /// A payload this replica followed reached its final state.
    public func payloadFinal(outcome: String) {
        Metrics.Counter(label: "pushdesk_payloads_final_total", dimensions: [("outcome", outcome)], factory: factory).increment()
    }

    public func livePayloads(_ n: Int) { live.record(n) }
    public func store(up: Bool) { storeUp.record(up ? 1 : 0) }
    public func rateLimit(remaining: Int) { rateLimitRemaining.record(remaining) }

    /// The text format served at `/metrics`.
    public func text() -> String { registry.emitToString() }
}
