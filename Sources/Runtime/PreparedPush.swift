import Store
import XummPlatform

/// A push checked and given its identifier, ready to be created: its intent (what the store records
/// before `POST /payload`) and the request that will be sent.
public struct PreparedPush: Sendable {
    public let intent: PushIntent
    public let request: PayloadCreateRequest
}
