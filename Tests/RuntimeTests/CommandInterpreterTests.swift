import ConsoleCore
import Domain
import Foundation
import Runtime
import SimulatorTestSupport
import Store
import Terminal
import Testing
import XummPlatform

/// The interpreter carries out each `Cmd` and reports facts as `Msg`s: first against an in-memory
/// platform double (exact calls), then against the real simulator over loopback.
@Suite("Command interpreter", .serialized)
struct CommandInterpreterTests {
    static let signIn = #"{"TransactionType":"SignIn"}"#

    func services(_ platform: any XummAPI) async throws -> (Services, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pd-interp-\(UUID().uuidString)")
        let store = try SQLiteStore(path: dir.appendingPathComponent("s.sqlite").path)
        _ = try await store.upsertUsers([KnownUser(userToken: "tok-ann", name: "ann", lastSigned: Date(), source: .import),
                                   KnownUser(userToken: "tok-bob", name: "bob", lastSigned: Date(), source: .import)])
        return (Services(platform: platform, store: store, operatorName: "op", pacer: CreatePacer(perMinute: nil),
                         templates: { [] }), dir)
    }

    func request(_ tokens: [String]) -> PushRequest {
        PushRequest(userTokens: tokens, txjsonText: Self.signIn, expireMinutes: 5, instruction: "hi", userNames: ["tok-ann": "ann"])
    }

    // MARK: In-memory platform

    @Test func pushCreatesOncePerUserAndReportsTheStoredRecord() async throws {
        let platform = InMemoryPlatform(activeTokens: ["tok-ann"])
        let (services, dir) = try await services(platform)
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = MessageLog()
        let interpreter = CommandInterpreter(services: services, mailbox: nil)
        interpreter.connect(log.sink)
        interpreter.perform(.push(request(["tok-ann"])))
        let msgs = await log.wait { $0.contains { $0.created != nil } }
        let record = try #require(msgs.compactMap(\.created).first)
        #expect(record.pushed == true && record.userName == "ann" && record.instruction == "hi" && record.transactionType == "SignIn")
        #expect(try await services.store.payload(uuid: record.uuid) != nil)
        let create = try #require(platform.calls.withLock { $0.creates.first })
        // The text goes out verbatim, as parsed once in Compose.
        #expect(create.txjson?.text == Self.signIn && create.userToken == "tok-ann" && create.options?.expire == 5)
        #expect(!msgs.contains { if case .bulkProgress = $0 { true } else { false } })
        // Nothing is followed until ConsoleCore asks for it.
        #expect(platform.calls.withLock { $0.streams }.isEmpty)
    }

    @Test func followReportsEachChangeAndTheConfirmedFinalState() async throws {
        let platform = InMemoryPlatform(activeTokens: ["tok-ann"])
        let (services, dir) = try await services(platform)
        defer { try? FileManager.default.removeItem(at: dir) }
        let record = try await services.operations.create(PushRequestSpec(txjsonText: Self.signIn, userToken: "tok-ann", userName: "ann"))
        let log = MessageLog()
        let interpreter = CommandInterpreter(services: services, mailbox: nil)
        interpreter.connect(log.sink)
        interpreter.perform(.follow(record))
        interpreter.perform(.follow(record)) // a second ask for the same payload starts no second follower
        let msgs = await log.wait { $0.contains { $0.upserted?.isFinal == true } && $0.contains { if case .userUpdated = $0 { true } else { false } } }
        let last = try #require(msgs.compactMap(\.upserted).last)
        #expect(last.result?.outcome == .signed && last.events.map(\.kind).contains(.opened))
        #expect(platform.calls.withLock { $0.streams } == [record.uuid])
        #expect(try await services.store.payload(uuid: record.uuid)?.result?.outcome == .signed)
    }

    @Test func aRefusedPushIsReportedWithThePlatformsFacts() async throws {
        let platform = InMemoryPlatform(createFailure: .credentialsRefused(reference: "ref-1"))
        let (services, dir) = try await services(platform)
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = MessageLog()
        let interpreter = CommandInterpreter(services: services, mailbox: nil)
        interpreter.connect(log.sink)
        interpreter.perform(.push(request(["tok-ann"])))
        let msgs = await log.wait { $0.contains { if case .pushFailed = $0 { true } else { false } } }
        #expect(msgs.contains(.pushFailed(userToken: "tok-ann", .credentialsRefused(reference: "ref-1"))))
        #expect(try await services.store.pendingIntents().isEmpty)
    }

    @Test func stopBulkEndsTheRunAndReportsTheRestSkipped() async throws {
        let platform = InMemoryPlatform(activeTokens: ["tok-ann", "tok-bob"], createDelay: .milliseconds(300))
        let (services, dir) = try await services(platform)
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = MessageLog()
        let interpreter = CommandInterpreter(services: services, mailbox: nil)
        interpreter.connect(log.sink)
        let tokens = (0..<20).map { "tok-\($0)" }
        interpreter.perform(.push(request(tokens)))
        await log.wait { $0.compactMap(\.bulk).contains { $0.done >= 1 } }
        interpreter.perform(.stopBulk)
        let msgs = await log.wait { $0.compactMap(\.bulk).contains(where: \.finished) }
        let final = try #require(msgs.compactMap(\.bulk).last)
        #expect(final.finished && final.done < 20)
        #expect(final.outcomes.values.filter { $0 == .skipped }.count == 20 - final.done)
        #expect(platform.calls.withLock { $0.creates.count } == final.done)
        // The rest of the chunk of intents recorded ahead is forgotten: nothing to recover later.
        #expect(try await services.store.pendingIntents().isEmpty)
    }

    @Test func aBulkPushRecordsItsIntentsAheadAndLeavesNoneBehind() async throws {
        let platform = InMemoryPlatform(createDelay: .milliseconds(20))
        let (services, dir) = try await services(platform)
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = MessageLog()
        let interpreter = CommandInterpreter(services: services, mailbox: nil)
        interpreter.connect(log.sink)
        let tokens = (0..<40).map { "tok-\($0)" }
        interpreter.perform(.push(request(tokens)))
        await log.wait { $0.compactMap(\.bulk).contains { $0.done >= 1 } }
        // While the first chunk is being created, the intents of the whole chunk are already recorded
        // (minus the ones whose payloads are saved), so a crash now is recovered on the next start.
        let pending = try await services.store.pendingIntents()
        #expect(pending.count > 1 && pending.count <= 32)
        let msgs = await log.wait { $0.compactMap(\.bulk).contains(where: \.finished) }
        #expect(msgs.compactMap(\.created).count == 40)
        #expect(try await services.store.pendingIntents().isEmpty)
        let identifiers = platform.calls.withLock { $0.creates.compactMap { $0.customMeta?.identifier } }
        #expect(Set(identifiers).count == 40)
    }

    @Test func loadsVerifyAndCancelAnswerWithFacts() async throws {
        let platform = InMemoryPlatform(activeTokens: ["tok-ann"])
        let (services, dir) = try await services(platform)
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = MessageLog()
        let interpreter = CommandInterpreter(services: services, mailbox: nil)
        interpreter.connect(log.sink)
        for cmd: Cmd in [.loadUsers, .loadTemplates, .loadPayloads(limit: 10), .verifyTokens(["tok-ann", "tok-bob"]),
                         .preflight(tokens: ["tok-bob"]), .cancel(uuid: "u-1"), .recoverIntents, .openEditor(text: "{}")] {
            interpreter.perform(cmd)
        }
        let msgs = await log.wait { $0.count >= 8 }
        #expect(msgs.contains { if case .usersLoaded(let u) = $0 { u.count == 2 } else { false } })
        #expect(msgs.contains(.templatesLoaded([])))
        #expect(msgs.contains(.payloadsLoaded([])))
        #expect(msgs.contains(.tokensVerified(["tok-ann": true, "tok-bob": false], requested: true)))
        #expect(msgs.contains(.tokensVerified(["tok-bob": false], requested: false)))
        #expect(msgs.contains(.cancelAnswered(uuid: "u-1", reason: "ALREADY_OPENED")))
        #expect(msgs.contains(.intentsRecovered([])))
        // Without a terminal there is no editor to run.
        #expect(msgs.contains(.editorFinished(nil)))
        #expect(try await services.store.user(token: "tok-bob")?.verifiedActive == false)
        interpreter.perform(.loadInboxStatus) // no inbox: nothing to report
        try await Task.sleep(for: .milliseconds(50))
        #expect(log.all.count == msgs.count)
    }

    @Test func renderQRAnswersWithTheModulesAndQuitStopsTheTerminal() async throws {
        let (services, dir) = try await services(InMemoryPlatform())
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = MessageLog()
        let mailbox = FrameMailbox()
        let interpreter = CommandInterpreter(services: services, mailbox: mailbox)
        interpreter.connect(log.sink)
        let link = "https://xumm.app/sign/00000000-0000-4839-af2f-f794874a80b0"
        interpreter.perform(.renderQR(uuid: "u-qr", text: link))
        let msgs = await log.wait { !$0.isEmpty }
        guard case .qrReady("u-qr", let modules)? = msgs.first else { Issue.record("got \(msgs)"); return }
        #expect(modules == QRMatrix.encode(link))
        #expect(modules.count >= 21 && modules.allSatisfy { $0.count == modules.count })
        #expect(!mailbox.isStopped)
        interpreter.perform(.quit)
        #expect(mailbox.isStopped)
    }

    @Test func aTemplateFolderThatCannotBeReadIsReported() async throws {
        let (base, dir) = try await services(InMemoryPlatform())
        defer { try? FileManager.default.removeItem(at: dir) }
        var services = base
        services.templates = { throw CocoaError(.fileReadNoPermission) }
        let log = MessageLog()
        let interpreter = CommandInterpreter(services: services, mailbox: nil)
        interpreter.connect(log.sink)
        interpreter.perform(.loadTemplates)
        let msgs = await log.wait { !$0.isEmpty }
        guard case .loadFailed(.templates, .templates)? = msgs.first else { Issue.record("got \(msgs)"); return }
    }

    // MARK: Against the simulator

    @Test func simulatorPushFollowCancelAndRecovery() async throws {
        let h = try await SimHarness.start()
        defer { Task { await h.stop() } }
        let alice = await h.token(of: "alice"), bob = await h.token(of: "bob")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pd-interp-sim-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SQLiteStore(path: dir.appendingPathComponent("s.sqlite").path)
        var settings = PayloadStatusStream.Settings()
        settings.openedGrace = .seconds(1)
        let services = Services(platform: h.client, store: store, operatorName: "op", pacer: CreatePacer(perMinute: nil),
                                templates: { [] }, followSettings: settings)
        let log = MessageLog()
        let interpreter = CommandInterpreter(services: services, mailbox: nil)
        interpreter.connect(log.sink)

        // Push to alice (who signs in the demo cast) and follow what ConsoleCore would follow.
        interpreter.perform(.push(PushRequest(userTokens: [alice], txjsonText: Self.signIn, expireMinutes: 1, instruction: nil,
                                              userNames: [alice: "alice"])))
        var msgs = await log.wait { $0.contains { $0.created != nil } }
        let created = try #require(msgs.compactMap(\.created).first)
        #expect(created.pushed == true && created.userName == "alice")
        interpreter.perform(.follow(created))
        msgs = await log.wait(seconds: 60) { $0.contains { $0.upserted?.uuid == created.uuid && $0.upserted?.isFinal == true } }
        let final = try #require(msgs.compactMap(\.upserted).last { $0.uuid == created.uuid })
        #expect(final.isFinal)
        // Shown first, stored second: the final write lands just after the message.
        var stored = try await store.payload(uuid: created.uuid)
        for _ in 0..<500 where stored?.isFinal != true {
            try await Task.sleep(for: .milliseconds(10))
            stored = try await store.payload(uuid: created.uuid)
        }
        #expect(stored?.result?.outcome == final.result?.outcome)

        // Cancel a fresh payload for bob: the platform's reason comes back as its code.
        let second = try await services.operations.create(PushRequestSpec(txjsonText: Self.signIn, userToken: bob, expireMinutes: 5))
        interpreter.perform(.cancel(uuid: second.uuid))
        msgs = await log.wait { $0.contains { if case .cancelAnswered(second.uuid, _) = $0 { true } else { false } } || $0.contains { if case .cancelFailed = $0 { true } else { false } } }
        #expect(msgs.contains { if case .cancelAnswered(second.uuid, let reason) = $0 { ["OK", "ALREADY_OPENED"].contains(reason) } else { false } })

        // Recovery at start: a push created on the platform but never saved is taken in.
        try await store.recordIntent(PushIntent(identifier: "pd-interp-made", userToken: bob, userName: "bob", transactionType: "SignIn",
                                                txjson: Self.signIn, expireMinutes: 5, instruction: nil, created: Date(), operatorName: "op"))
        _ = try await h.client.createPayload(PayloadCreateRequest(txjson: try TxJSON(text: Self.signIn), userToken: bob,
                                                                  customMeta: CustomMeta(identifier: "pd-interp-made")))
        interpreter.perform(.recoverIntents)
        msgs = await log.wait { $0.contains { if case .intentsRecovered(let r) = $0 { !r.isEmpty } else { false } } }
        #expect(msgs.contains { if case .intentsRecovered(let r) = $0 { r.map(\.identifier) == ["pd-interp-made"] } else { false } })
        await interpreter.stopAll()
    }

    @Test func simulatorTokenSweepFindsTheRevokedTokenOnceAndAuditsIt() async throws {
        let h = try await SimHarness.start()
        defer { Task { await h.stop() } }
        let alice = await h.token(of: "alice"), heidi = await h.token(of: "heidi")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pd-interp-sweep-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SQLiteStore(path: dir.appendingPathComponent("s.sqlite").path)
        _ = try await store.upsertUsers([KnownUser(userToken: alice, name: "alice", lastSigned: Date(), source: .import),
                                         KnownUser(userToken: heidi, name: "heidi", lastSigned: Date().addingTimeInterval(-3 * 86_400), source: .import)])
        var services = Services(platform: h.client, store: store, operatorName: "op", pacer: CreatePacer(perMinute: nil), templates: { [] })
        services.tokenSweepPause = .zero
        let log = MessageLog()
        let interpreter = CommandInterpreter(services: services, mailbox: nil)
        interpreter.connect(log.sink)

        interpreter.perform(.sweepTokens([alice, heidi]))
        var msgs = await log.wait { $0.contains { if case .tokenSweepFinished = $0 { true } else { false } } }
        #expect(msgs.contains(.tokenSweepFinished(TokenSweepReport(checked: 2, newlyInactive: ["heidi"]))))
        // Each user whose stored state changed is reported, with the platform's answer in it.
        let updated = msgs.compactMap { if case .userUpdated(let u) = $0 { u } else { nil } }
        #expect(updated.first { $0.userToken == heidi }?.verifiedActive == false)
        #expect(updated.first { $0.userToken == alice }?.verifiedActive == true)
        #expect(try await store.user(token: heidi)?.verifiedActive == false)
        #expect(try await store.auditLog().map(\.action) == ["token.inactive"])

        // The next sweep finds nothing new: heidi was already known to be inactive.
        log.clear()
        interpreter.perform(.sweepTokens([alice, heidi]))
        msgs = await log.wait { $0.contains { if case .tokenSweepFinished = $0 { true } else { false } } }
        #expect(msgs.contains(.tokenSweepFinished(TokenSweepReport(checked: 2))))
        #expect(try await store.auditLog().count == 1)
        await interpreter.stopAll()
    }

    @Test func simulatorBulkPushStopsWhenAsked() async throws {
        let h = try await SimHarness.start()
        defer { Task { await h.stop() } }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pd-interp-bulk-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SQLiteStore(path: dir.appendingPathComponent("s.sqlite").path)
        // A pacer of 2 creates a minute: the third create waits, so the stop lands mid-run.
        let services = Services(platform: h.client, store: store, operatorName: "op", pacer: CreatePacer(perMinute: 2), templates: { [] })
        let log = MessageLog()
        let interpreter = CommandInterpreter(services: services, mailbox: nil)
        interpreter.connect(log.sink)
        var tokens: [String] = []
        for name in ["alice", "bob", "carol", "dave"] { tokens.append(await h.token(of: name)) }
        interpreter.perform(.push(PushRequest(userTokens: tokens, txjsonText: Self.signIn, expireMinutes: 1, instruction: nil)))
        await log.wait { $0.compactMap(\.bulk).contains { $0.done >= 2 } }
        interpreter.perform(.stopBulk)
        let msgs = await log.wait { $0.compactMap(\.bulk).contains(where: \.finished) }
        let final = try #require(msgs.compactMap(\.bulk).last)
        #expect(final.finished && final.done == 2)
        #expect(final.outcomes.values.filter { $0 == .skipped }.count == 2)
        #expect(try await h.simPayloads().count == 2)
    }
}
