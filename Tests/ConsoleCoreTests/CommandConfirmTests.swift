import Foundation
import ConsoleCore
import Domain
import Testing

@Suite struct CommandLineTests {
    @Test func userCommandSelectsTheTarget() {
        var s = Fixtures.state(users: 20)
        Fixtures.command(&s, "user grace")
        #expect(s.targetToken == s.users.users[6].userToken)
        #expect(s.cursorUser?.name == "Grace")
        Fixtures.command(&s, "user nobody")
        #expect(s.status == StatusLine("no user matches \"nobody\"", isError: true))
        #expect(s.targetToken == s.users.users[6].userToken)
    }

    @Test func ambiguousUserIsExplained() {
        var s = Fixtures.state(users: 200)
        Fixtures.command(&s, "user alice")
        #expect(s.targetToken == nil)
        #expect(s.status?.text.contains("users match") == true)
    }

    @Test func tabCompletesCommandsAndNames() {
        var s = Fixtures.state(users: 20)
        Fixtures.keys(&s, .char(":")); Fixtures.type(&s, "us")
        Fixtures.keys(&s, .tab)
        #expect(s.commandText == "user ")
        Fixtures.type(&s, "he")
        Fixtures.keys(&s, .tab)
        #expect(s.commandText == "user Heidi")
        Fixtures.keys(&s, .enter)
        #expect(s.users.user(token: s.targetToken!)?.name == "Heidi")
        Fixtures.keys(&s, .char(":")); Fixtures.type(&s, "template t")
        Fixtures.keys(&s, .tab)
        #expect(s.commandText == "template trustline")
        Fixtures.keys(&s, .esc)
        #expect(s.mode == .normal && s.commandText.isEmpty)
    }

    @Test func ambiguousCompletionListsCandidates() {
        var s = Fixtures.state(users: 20)
        Fixtures.keys(&s, .char(":")); Fixtures.type(&s, "user ")
        Fixtures.keys(&s, .tab)
        #expect(s.commandText == "user ")
        #expect(s.status?.text.contains("Alice") == true)
    }

    @Test func templateAndOptionsCommands() {
        var s = Fixtures.state()
        Fixtures.command(&s, "template trustline")
        #expect(s.editor.text.contains("TrustSet"))
        #expect(s.focus == .compose)
        Fixtures.command(&s, "expire 15")
        #expect(s.expireMinutes == 15)
        Fixtures.command(&s, "expire -3")
        #expect(s.expireMinutes == 15 && s.status?.isError == true)
        Fixtures.command(&s, "instruction Please sign \u{1B}[31mnow")
        #expect(s.instruction == "Please sign now")
        Fixtures.command(&s, "bogus")
        #expect(s.status?.text == "unknown command :bogus — try :help")
        #expect(Fixtures.command(&s, "q") == [.quit])
    }

    @Test func verifyUsesTargetsOrCursor() {
        var s = Fixtures.state()
        #expect(Fixtures.command(&s, "verify") == [.verifyTokens([s.users.user(atVisible: 0)!.userToken])])
        Fixtures.keys(&s, .char(" "), .char(" "))
        #expect(Fixtures.keys(&s, .char("v")) == [.verifyTokens(s.pushTargets)])
        #expect(s.pushTargets.count == 2)
    }
}

@Suite struct ConfirmTests {
    @Test func pushNeedsAUserAndValidTxjson() {
        var s = Fixtures.state()
        #expect(Fixtures.keys(&s, .char("p")) == [])
        #expect(s.status?.text.hasPrefix("cannot push: no user chosen") == true)
        Fixtures.keys(&s, .enter)
        #expect(Fixtures.command(&s, "push") == [])
        #expect(s.status?.text.hasPrefix("cannot push: txjson is empty") == true)
        Fixtures.keys(&s, .char("2"), .char("i")); Fixtures.type(&s, "{}"); Fixtures.keys(&s, .esc)
        #expect(Fixtures.keys(&s, .char("p")) == [])
        #expect(s.status?.text == "cannot push: txjson has 1 error finding — fix them first")
        #expect(s.overlay == nil)
    }

    @Test func confirmShowsExactRequestAndOnlyYSends() {
        var s = Fixtures.state()
        Fixtures.keys(&s, .enter)
        let token = s.targetToken!
        Fixtures.command(&s, "template payment")
        Fixtures.command(&s, "instruction Refund")
        let request = PushRequest(userTokens: [token], txjsonText: s.editor.text, expireMinutes: 5, instruction: "Refund",
                                  userNames: [token: s.users.user(token: token)!.name!])
        #expect(Fixtures.keys(&s, .char("p")) == [.preflight(tokens: [token])])
        #expect(s.overlay == .confirmPush(PushConfirm(request: request)))
        #expect(Fixtures.keys(&s, .char("j"), .enter, .char("q")) == [])
        #expect(s.overlay == nil, "q backs out of the dialog")
        Fixtures.keys(&s, .char("p"))
        #expect(Fixtures.keys(&s, .char("n")) == [])
        #expect(s.overlay == nil)
        Fixtures.keys(&s, .char("p"))
        Fixtures.send(&s, .tokensVerified([token: false], requested: false))
        #expect(s.overlay == .confirmPush(PushConfirm(request: request, verified: [token: false])))
        let text = ConsoleCore.view(s, width: 120, height: 35).text()
        #expect(text.contains("token expired or revoked — the payload is still created;"))
        #expect(Fixtures.keys(&s, .char("y")) == [.push(request)])
        #expect(s.overlay == nil && s.focus == .payloads)
    }

    @Test func multiSelectionMakesABulkPush() {
        var s = Fixtures.state()
        Fixtures.keys(&s, .char(" "), .char(" "), .char(" "))
        Fixtures.command(&s, "template signin")
        let cmds = Fixtures.keys(&s, .char("p"))
        #expect(cmds == [.preflight(tokens: s.pushTargets)])
        guard case .push(let req)? = Fixtures.keys(&s, .char("y")).first else { Issue.record("no push"); return }
        #expect(req.userTokens.count == 3)
        Fixtures.send(&s, .bulkProgress(BulkProgress(done: 1, total: 3)))
        #expect(Fixtures.keys(&s, .char("p")) == [])
        #expect(s.status?.text.contains("bulk push is running") == true)
        #expect(Fixtures.command(&s, "stop") == [.stopBulk])
    }

    @Test func readOnlyHidesPushAndCancel() {
        var s = Fixtures.state(readOnly: true)
        Fixtures.keys(&s, .enter)
        Fixtures.command(&s, "template signin")
        #expect(Fixtures.keys(&s, .char("p")) == [])
        #expect(s.overlay == nil)
        #expect(Fixtures.command(&s, "push") == [])
        #expect(s.status?.text == "cannot push: read-only mode: pushing is disabled")
        Fixtures.keys(&s, .char("3"))
        #expect(Fixtures.keys(&s, .char("c")) == [] && s.overlay == nil)
        let footer = ConsoleCore.view(s, width: 120, height: 35).text().split(separator: "\n").last!
        #expect(!footer.contains("push") && !footer.contains("cancel"))
    }

    @Test func cancelGoesThroughItsOwnConfirm() {
        var s = Fixtures.state()
        Fixtures.keys(&s, .char("3"))
        let live = s.selectedPayload!
        #expect(Fixtures.keys(&s, .char("c")) == [])
        #expect(s.overlay == .confirmCancel(uuid: live.uuid))
        #expect(Fixtures.keys(&s, .char("y")) == [.cancel(uuid: live.uuid)])
        Fixtures.keys(&s, .char("G"))
        #expect(Fixtures.keys(&s, .char("c")) == [])
        #expect(s.overlay == nil && s.status?.text == "payload already signed — nothing to cancel")
    }

    @Test func newPayloadIsFollowedAfterPush() {
        var s = Fixtures.state()
        Fixtures.keys(&s, .enter); Fixtures.command(&s, "template signin"); Fixtures.keys(&s, .char("p"), .char("y"))
        let record = PayloadRecord(uuid: "new-1", userToken: s.targetToken, userName: "Alice", transactionType: "SignIn",
                                   txjson: s.editor.text, created: Fixtures.now, pushed: true)
        Fixtures.send(&s, .payloadUpserted(record))
        #expect(s.selectedPayload?.uuid == "new-1")
        Fixtures.keys(&s, .char("j"))
        let selected = s.selectedPayload?.uuid
        Fixtures.send(&s, .payloadUpserted(PayloadRecord(uuid: "new-2", transactionType: "SignIn", txjson: "{}", created: Fixtures.now + 5)))
        #expect(s.selectedPayload?.uuid == selected)
    }
}
