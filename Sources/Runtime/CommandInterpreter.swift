import ConsoleCore
import Domain
import Foundation
import Synchronization
import Terminal
import XummPlatform

/// Carries out the console's `Cmd`s with the real services and reports every outcome as a `Msg`
/// with facts only: what the operator is told about them is ConsoleCore's decision.
public final class CommandInterpreter: Sendable {
    private let services: Services
    private let operations: PushService
    private let mailbox: FrameMailbox?
    private let sink = Mutex(MessageSink.discard)
    private let pushes: PushRunner
    private let followers: FollowerPool
    private let sweeper: TokenSweeper
    private let feed: StoreFeedFollower

    /// - Parameter mailbox: the terminal's, for `$EDITOR` (nil without a terminal).
    public init(services: Services, mailbox: FrameMailbox?) {
        self.services = services
        self.operations = services.operations
        self.mailbox = mailbox
        self.pushes = PushRunner(operations: operations, pacer: services.pacer)
        self.followers = FollowerPool(operations: operations, settings: services.followSettings, leases: services.leases)
        self.sweeper = TokenSweeper(operations: operations, pause: services.tokenSweepPause)
        let followers = self.followers
        self.feed = StoreFeedFollower(store: services.store) { followers.isFollowing($0) }
    }

    /// Where outcomes go from now on.
    public func connect(_ sink: MessageSink) { self.sink.withLock { $0 = sink } }

    private var out: MessageSink { sink.withLock { $0 } }

    /// Starts carrying out `cmd`; returns at once (the work runs in tasks of its own).
    public func perform(_ cmd: Cmd) {
        let out = self.out
        let operations = self.operations
        let services = self.services
        switch cmd {
        case .loadUsers:
            Task.detached {
                do { out.send(.usersLoaded(try await services.store.allUsers())) }
                catch { out.send(.loadFailed(.users, Failure(error))) }
            }
        case .loadTemplates:
            Task.detached {
                do { out.send(.templatesLoaded(try services.templates())) }
                catch { out.send(.loadFailed(.templates, .templates(reason: String(describing: error)))) }
            }
        case .loadPayloads(let limit):
            Task.detached {
                do { out.send(.payloadsLoaded(try await services.store.payloads(limit: limit))) }
                catch { out.send(.loadFailed(.payloads, Failure(error))) }
            }
        case .loadInboxStatus:
            if let inbox = services.inbox { out.send(.inboxStatus(address: inbox.address, deliveries: inbox.deliveries())) }
        case .recoverIntents:
            Task.detached { out.send(.intentsRecovered(await operations.recoverIntents())) }
        case .followStore:
            feed.start(out: out)
        case .follow(let record):
            followers.follow(record, out: out)
        case .renderQR(let uuid, let text):
            Task.detached { if let modules = QRMatrix.encode(text) { out.send(.qrReady(uuid: uuid, modules: modules)) } }
        case .preflight(let tokens):
            Task.detached {
                do { out.send(.tokensVerified(try await operations.verify(tokens: tokens), requested: false)) }
                catch { out.send(.tokenCheckFailed(Failure(error), requested: false)) }
            }
        case .verifyTokens(let tokens):
            Task.detached {
                do { out.send(.tokensVerified(try await operations.verify(tokens: tokens), requested: true)) }
                catch { out.send(.tokenCheckFailed(Failure(error), requested: true)) }
            }
        case .sweepTokens(let tokens):
            sweeper.start(tokens, out: out)
        case .push(let request):
            pushes.start(request, out: out)
        case .cancel(let uuid):
            Task.detached {
                do { out.send(.cancelAnswered(uuid: uuid, reason: try await operations.cancel(uuid: uuid).rawValue)) }
                catch { out.send(.cancelFailed(uuid: uuid, Failure(error))) }
            }
        case .openEditor(let text):
            guard let mailbox else { out.send(.editorFinished(nil)); return }
            mailbox.perform { screen in
                screen.suspend()
                let edited = ExternalEditor.edit(text)
                screen.resume()
                out.send(.editorFinished(edited))
            }
        case .stopBulk:
            pushes.stop()
        case .quit:
            mailbox?.stop()
        }
    }

    /// Stops every push, follower and the feed (the console quit), and gives the payload leases
    /// back. Unfinished payloads are followed again by the next process: their state is in the store.
    public func stopAll() async {
        pushes.stop()
        sweeper.stop()
        feed.stop()
        await followers.stopAll()
    }

    /// Payloads being followed right now.
    public var followedCount: Int { followers.count }
}
