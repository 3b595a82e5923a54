import XummPlatform

/// The de-duplication key of a webhook delivery.
///
/// A payload resolves exactly once and the platform sends one webhook per resolution, retried up to
/// five times. Every retry is re-signed with a fresh `x-xumm-request-timestamp`, so the signature
/// (which covers the timestamp) differs per attempt and cannot identify a delivery; attempt headers
/// are not documented. The payload UUID is the same on every attempt, so the key is
/// `meta.payload_uuidv4`, lower-cased. A replay of a captured delivery inside the timestamp window is
/// thereby absorbed too.
public enum WebhookDeliveryKey {
    public static func key(for body: WebhookBody) -> String {
        body.meta.payloadUUID.lowercased()
    }
}
