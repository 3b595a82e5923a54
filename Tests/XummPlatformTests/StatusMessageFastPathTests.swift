import Testing
import XummPlatform

/// The byte-exact frames `StatusMessage.decode` answers without parsing decode exactly as the
/// general parser reads the same frame written any other way.
struct StatusMessageFastPathTests {
    @Test(arguments: [StatusMessage.opened, .devappFetched, .preSigned, .dispatched, .expired, .pong])
    func fastFramesMatchTheParser(_ message: StatusMessage) {
        let exact = message.wireText
        let spaced = exact.replacingOccurrences(of: ":", with: " : ") + " "
        #expect(StatusMessage.decode(exact) == message)
        #expect(StatusMessage.decode(spaced) == message)
    }
}
