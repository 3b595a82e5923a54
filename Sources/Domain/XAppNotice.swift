import Foundation

/// A notification to one user's phone without a sign request: an xApp push, or an xApp event that
/// also stays in the user's event list.
public struct XAppNotice: Sendable, Equatable {
    public var userToken: String
    public var userName: String?
    public var body: String
    public var subtitle: String?
    /// JSON text handed to the xApp (`data`), when given.
    public var dataJSON: String?
    /// Send as an event (`/xapp/event`) instead of a push.
    public var asEvent: Bool
    /// An event without sound or banner.
    public var silent: Bool

    public init(userToken: String, userName: String? = nil, body: String, subtitle: String? = nil, dataJSON: String? = nil,
                asEvent: Bool = false, silent: Bool = false) {
        self.userToken = userToken; self.userName = userName; self.body = body; self.subtitle = subtitle
        self.dataJSON = dataJSON; self.asEvent = asEvent; self.silent = silent
    }
}
