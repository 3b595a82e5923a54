import ConsoleCore
import Domain
import Foundation
import Testing
import ConsoleTestSupport

/// `update` decides what follows each fact the Runtime reports: which commands to run next and
/// what the operator is told. One test per command family; the Runtime adds no words of its own.
struct RuntimeAnswerTests {
    static let ws = "ws://127.0.0.1:1/sign/"

    func live(_ uuid: String, pushed: Bool = true, link: String? = nil) -> PayloadRecord {
        PayloadRecord(uuid: uuid, userToken: "tok-\(uuid)", userName: "Ann", transactionType: "SignIn", txjson: "{}",
                      created: Fixtures.now, pushed: pushed, deepLink: link, websocketURL: Self.ws + uuid)
    }

    @Test func startAsksForEveryLoadAndTheRecovery() {
        var s = ConsoleState(backend: "SIMULATOR", readOnly: false, noColor: false, now: Fixtures.now)
        #expect(Fixtures.send(&s, .started) == [.followStore, .loadTemplates, .loadUsers, .loadPayloads(limit: ConsoleState.payloadPageSize),
                                                .loadInboxStatus, .recoverIntents])
        var ro = ConsoleState(backend: "SIMULATOR", readOnly: true, noColor: false, now: Fixtures.now)
        // A read-only console pushes nothing, so it takes no half-made push in either.
        #expect(!Fixtures.send(&ro, .started).contains(.recoverIntents))
    }

    @Test func loadedPayloadsThatAreLiveAreFollowedAndUnpushedOnesGetTheirQR() {
        var s = Fixtures.state(payloads: false)
        var done = live("done")
        done.result = PayloadResult(outcome: .signed, resolvedAt: Fixtures.now)
        let qr = live("qr", pushed: false, link: "https://xumm.app/sign/qr")
        var noSocket = live("nosocket")
        noSocket.websocketURL = nil
        let cmds = Fixtures.send(&s, .payloadsLoaded([done, qr, live("open"), noSocket]))
        #expect(cmds == [.renderQR(uuid: "qr", text: "https://xumm.app/sign/qr"), .follow(qr), .follow(live("open"))])
        #expect(s.payloads.count == 4)
    }

    @Test func aCreatedPushIsFollowedAndTheOperatorToldWhetherItReachedThePhone() {
        var s = Fixtures.state()
        let ann = s.users.user(atVisible: 0)!
        var pushed = live("p1")
        pushed.userToken = ann.userToken
        #expect(Fixtures.send(&s, .pushCreated(pushed, bulk: false)) == [.follow(pushed)])
        #expect(s.status == StatusLine("pushed ✓ SignIn to Ann"))
        #expect(s.selectedPayload?.uuid == "p1")
        // The store counted the push; the Users pane shows it without reading the user back.
        #expect(s.users.user(token: ann.userToken)?.pushCount == ann.pushCount + 1)
        let fallback = live("p2", pushed: false, link: "https://xumm.app/sign/p2")
        #expect(Fixtures.send(&s, .pushCreated(fallback, bulk: false)) == [.renderQR(uuid: "p2", text: "https://xumm.app/sign/p2"), .follow(fallback)])
        #expect(s.status?.isError == true)
        #expect(s.status?.text.contains("not pushed — token expired or revoked") == true)
        // In a bulk push, the progress line speaks for each payload.
        s.status = nil
        _ = Fixtures.send(&s, .pushCreated(live("p3"), bulk: true))
        #expect(s.status == nil)
    }

    @Test func aFailedPushNamesThePlatformsCodeAndReference() {
        var s = Fixtures.state()
        Fixtures.send(&s, .pushFailed(userToken: "t", .credentialsRefused(reference: "ref-9")))
        #expect(s.status?.isError == true)
        #expect(s.status?.text == "push failed: credentials refused by the platform (code 813, reference ref-9): check XUMM_APIKEY / XUMM_APISECRET")
        Fixtures.send(&s, .pushFailed(userToken: nil, .expireNotPositive(0)))
        #expect(s.status?.text == "push failed: expire must be a positive number of minutes")
    }

    @Test func recoveredPushesAreTakenInFollowedAndCounted() {
        var s = Fixtures.state(payloads: false)
        #expect(Fixtures.send(&s, .intentsRecovered([])) == [])
        #expect(s.status == nil)
        let r = live("rec")
        #expect(Fixtures.send(&s, .intentsRecovered([r])) == [.follow(r)])
        #expect(s.payloads.map(\.uuid) == ["rec"])
        #expect(s.status?.text == "took in 1 push(es) created just before the last stop")
    }

    @Test func anOperatorsVerifyReloadsUsersButThePushDialogsCheckDoesNot() {
        var s = Fixtures.state()
        #expect(Fixtures.send(&s, .tokensVerified(["a": true, "b": false], requested: true)) == [.loadUsers])
        #expect(s.status?.text == "verified 2 token(s): 1 active, 1 inactive")
        #expect(Fixtures.send(&s, .tokensVerified(["a": true], requested: false)) == [])
        Fixtures.send(&s, .tokenCheckFailed(.unreachable(reason: "timed out"), requested: false))
        #expect(s.status?.text == "token check failed: could not reach the platform: timed out — the push will still create the payload")
        Fixtures.send(&s, .tokenCheckFailed(.server(status: 503, code: nil, reference: "r1"), requested: true))
        #expect(s.status?.text == "verify failed: platform server error HTTP 503 (reference r1); try again")
    }

    @Test func cancelAnswersAreExplained() {
        var s = Fixtures.state()
        Fixtures.send(&s, .cancelAnswered(uuid: "abcdef0123", reason: "OK"))
        #expect(s.status == StatusLine("payload abcdef01 cancelled"))
        Fixtures.send(&s, .cancelAnswered(uuid: "abcdef0123", reason: "ALREADY_OPENED"))
        #expect(s.status == StatusLine("ALREADY_OPENED: not cancelled: the user is looking at it right now (already opened)", isError: true))
        Fixtures.send(&s, .cancelFailed(uuid: "abcdef0123", .notFound(what: "payload abcdef0123", reference: nil)))
        #expect(s.status == StatusLine("cancel failed: not found: payload abcdef0123", isError: true))
    }

    @Test func aFailedLoadIsSaidNotHidden() {
        var s = Fixtures.state()
        Fixtures.send(&s, .loadFailed(.users, .store(reason: "disk I/O error")))
        #expect(s.status == StatusLine("cannot load users: store unavailable: disk I/O error", isError: true))
    }

    @Test func theConfirmedPushCarriesTheTransactionParsedOnceAndTheNames() throws {
        var s = Fixtures.state()
        Fixtures.keys(&s, .enter)
        Fixtures.command(&s, "template signin")
        Fixtures.keys(&s, .char("p"))
        guard case .push(let request)? = Fixtures.keys(&s, .char("y")).first else { Issue.record("no push"); return }
        #expect(request.transaction == s.composed)
        #expect(request.transaction.isSendable && request.transaction.transactionType == "SignIn")
        #expect(request.userNames[try #require(s.targetToken)] == s.users.user(token: s.targetToken!)?.name)
    }
}

/// The Runtime records facts in event details; ConsoleCore chooses the words.
struct EventNoteTests {
    @Test func factsBecomeWordsAndOldTextStaysAsItIs() {
        let at = Fixtures.now
        #expect(PayloadEvent(at: at, kind: .reconnected, detail: "attempt=3").operatorNote == "status stream reconnected (attempt 3)")
        #expect(PayloadEvent(at: at, kind: .opened, detail: "seen=after-reconnect").operatorNote == "seen after reconnect")
        #expect(PayloadEvent(at: at, kind: .notPushed).operatorNote == "token expired or revoked — use the deep link / QR")
        #expect(PayloadEvent(at: at, kind: .signed, detail: "txid ABC").operatorNote == "txid ABC")
        #expect(PayloadEvent(at: at, kind: .reconnected, detail: "status stream reconnected (attempt 2)").operatorNote
                == "status stream reconnected (attempt 2)")
    }
}

/// The platform's word on every token, at start and every ten minutes, without a key press.
struct TokenSweepTests {
    @Test func theFirstUserLoadStartsASweepAndLaterLoadsDoNot() {
        var s = ConsoleState(backend: "SIMULATOR", readOnly: false, noColor: false, now: Fixtures.now)
        let users = SampleData.users(count: 5, now: Fixtures.now)
        #expect(Fixtures.send(&s, .usersLoaded(users)) == [.sweepTokens(users.map(\.userToken))])
        #expect(s.tokenSweep.running && s.tokenSweep.lastStarted == Fixtures.now)
        // `v` answers with a reload of the users: that is no reason for a second sweep.
        #expect(Fixtures.send(&s, .usersLoaded(users)).isEmpty)
        // Nor is a tick while the sweep runs, however late.
        #expect(Fixtures.send(&s, .tick(Fixtures.now.addingTimeInterval(3 * TokenSweep.interval))).isEmpty)
    }

    @Test func aSweepIsDueAgainTenMinutesAfterTheLastOneStarted() {
        var s = ConsoleState(backend: "SIMULATOR", readOnly: false, noColor: false, now: Fixtures.now)
        let users = SampleData.users(count: 3, now: Fixtures.now)
        _ = Fixtures.send(&s, .usersLoaded(users))
        _ = Fixtures.send(&s, .tokenSweepFinished(TokenSweepReport(checked: 3)))
        #expect(s.status == nil, "a sweep that found nothing new says nothing")
        #expect(Fixtures.send(&s, .tick(Fixtures.now.addingTimeInterval(TokenSweep.interval - 1))).isEmpty)
        #expect(Fixtures.send(&s, .tick(Fixtures.now.addingTimeInterval(TokenSweep.interval))) == [.sweepTokens(users.map(\.userToken))])
    }

    @Test func aReadOnlyConsoleDoesNotSweep() {
        var s = ConsoleState(backend: "SIMULATOR", readOnly: true, noColor: false, now: Fixtures.now)
        #expect(Fixtures.send(&s, .usersLoaded(SampleData.users(count: 3, now: Fixtures.now))).isEmpty)
        #expect(Fixtures.send(&s, .tick(Fixtures.now.addingTimeInterval(TokenSweep.interval))).isEmpty)
    }

    @Test func newlyInactiveTokensAreNamedAndAFailureSaysWhenTheNextTryIs() {
        var s = Fixtures.state()
        _ = Fixtures.send(&s, .tokenSweepFinished(TokenSweepReport(checked: 8, newlyInactive: ["heidi"])))
        #expect(s.status?.isError == true)
        #expect(s.status?.text.contains("1 no longer active (heidi)") == true)
        _ = Fixtures.send(&s, .tokenSweepFinished(TokenSweepReport(checked: 50, failure: .credentialsRefused(reference: "r-9"))))
        #expect(s.status?.text.hasPrefix("background token check stopped after 50:") == true)
        #expect(s.status?.text.contains("next try in 10 min") == true)
    }

    @Test func theUsersPaneSaysWhenTokensWereCheckedAndWhichWordIsThePlatforms() {
        var s = Fixtures.state(users: 3, payloads: false)
        var confirmed = s.users.users.first { TokenAge(user: $0, now: Fixtures.now).state == .active }!
        #expect(ConsoleCore.view(s, width: 120, height: 35).text().split(separator: "\n")
            .first { $0.contains(confirmed.name ?? "?") }?.contains("fresh") == true, "unchecked: the estimate's word")
        confirmed.verifiedActive = true
        confirmed.verifiedAt = Fixtures.now
        _ = Fixtures.send(&s, .userUpdated(confirmed), .tick(Fixtures.now.addingTimeInterval(180)))
        let screen = ConsoleCore.view(s, width: 120, height: 35).text()
        #expect(screen.contains("tokens checked 3m ago"))
        let row = screen.split(separator: "\n").first { $0.contains(confirmed.name ?? "?") }
        #expect(row?.contains("active") == true, "the platform said active: not the estimate's \"fresh\"")
    }
}
