import HTTPTypes
import NIOCore
import NIOHTTPTypes
import XummPlatform

/// Rewrites the `Date` header of every HTTP answer with the simulated platform's clock. Hummingbird
/// stamps `Date` itself after the router (a middleware cannot change it), so this sits in the channel
/// pipeline, after the HTTP/1 codec, where the answer's head passes on its way out.
final class SkewedDateHandler: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let clock: SimulatorClock

    init(clock: SimulatorClock) { self.clock = clock }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        var part = unwrapOutboundIn(data)
        if case .head(var head) = part, clock.skewSeconds != 0 {
            head.headerFields[.date] = ServerClockReading.format(clock.now())
            part = .head(head)
        }
        context.write(wrapOutboundOut(part), promise: promise)
    }
}
