import Domain
import Foundation
import Store
import Synchronization
import XummPlatform

/// The record of a payload being followed, as its status events change it.
final class FollowedRecord: Sendable {
    private let current: Mutex<PayloadRecord>

    init(_ start: PayloadRecord) { current = Mutex(start) }

    var record: PayloadRecord { current.withLock { $0 } }

    /// Applies `event`; when it changed the record, returns the new record and the write that
    /// stores the change (its new timeline entries, a new result, the signer to credit).
    func apply(_ event: StatusStreamEvent, at now: Date) -> (PayloadRecord, ProgressWrite)? {
        current.withLock { record in
            let before = record.events.count
            let hadResult = record.result
            guard PayloadProgress.apply(event, to: &record, at: now) else { return nil }
            let newResult = record.result != hadResult ? record.result : nil
            // A new result from the final GET is authoritative: the store credits the signer.
            var resolution: PayloadResolution?
            if let newResult, case .final = event { resolution = PayloadResolution(uuid: record.uuid, result: newResult) }
            let write = ProgressWrite(uuid: record.uuid, events: Array(record.events[before...]), result: newResult,
                                      resolution: resolution, userToken: record.userToken, at: now)
            return (record, write)
        }
    }
}
