import Foundation

/// One xApp event in a simulated user's event list (`POST /xapp/event`).
public struct SimXAppEvent: Sendable, Codable, Equatable {
    public var uuid: String
    public var user: String
    public var subtitle: String?
    public var body: String
    public var silent: Bool
    /// Unix seconds.
    public var at: Int
}
