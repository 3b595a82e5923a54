import Domain
import Foundation

/// One status change of a followed payload, as the store records it: the new timeline entries,
/// a new result, and (from the final GET) the resolution that credits the signer.
public struct ProgressWrite: Sendable, Equatable {
    public var uuid: String
    public var events: [PayloadEvent]
    public var result: PayloadResult?
    public var resolution: PayloadResolution?
    public var userToken: String?
    public var at: Date

    public init(uuid: String, events: [PayloadEvent], result: PayloadResult?, resolution: PayloadResolution?,
                userToken: String?, at: Date) {
        self.uuid = uuid; self.events = events; self.result = result; self.resolution = resolution
        self.userToken = userToken; self.at = at
    }
}
