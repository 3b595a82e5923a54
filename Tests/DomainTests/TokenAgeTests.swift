import Foundation
import Testing
import Domain

struct TokenAgeTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let day: TimeInterval = 86_400

    @Test func derivesExpiryFromLastSignedPlusThirtyDays() {
        let u = KnownUser(userToken: "t", tokenIssued: now - 40 * day, lastSigned: now - 2 * day)
        let age = TokenAge(user: u, now: now)
        #expect(age.state == .active)
        #expect(age.timeLeft == 28 * day)
        #expect(age.age == 40 * day)
    }

    @Test func expiringSoonWindowIsConfigurable() {
        let u = KnownUser(userToken: "t", lastSigned: now - 25 * day)
        #expect(TokenAge(user: u, now: now).state == .expiring)
        #expect(TokenAge(user: u, now: now, expiringWindow: 3 * day).state == .active)
    }

    @Test func expiredAtTheInstantItself() {
        let u = KnownUser(userToken: "t", lastSigned: now - 30 * day)
        #expect(TokenAge(user: u, now: now).state == .expired)
        #expect(TokenAge(user: u, now: now - 1).state == .expiring)
    }

    @Test func expiredAfterThirtyDaysWithoutSigning() {
        let u = KnownUser(userToken: "t", lastSigned: now - 31 * day)
        let age = TokenAge(user: u, now: now)
        #expect(age.state == .expired)
        #expect(age.timeLeft == -day)
    }

    @Test func platformExpirationIsAuthoritativeUnlessALaterSignatureRestartedIt() {
        var u = KnownUser(userToken: "t", tokenExpiration: now + 3 * day, lastSigned: now - 20 * day)
        #expect(TokenAge(user: u, now: now).expiresAt == now + 10 * day) // later signature wins
        u.lastSigned = now - 29 * day
        #expect(TokenAge(user: u, now: now).expiresAt == now + 3 * day)
        #expect(TokenAge(user: u, now: now).state == .expiring)
    }

    @Test func verificationMarksRevokedWhenTimeIsLeft() {
        let u = KnownUser(userToken: "t", lastSigned: now - day, verifiedActive: false)
        #expect(TokenAge(user: u, now: now).state == .revoked)
    }

    @Test func aSignatureAfterAnInactiveVerificationRevivesTheToken() {
        let u = KnownUser(userToken: "t", lastSigned: now - day, verifiedActive: false, verifiedAt: now - 2 * day)
        #expect(TokenAge(user: u, now: now).state == .active)
    }

    @Test func unknownTimesAreExpiredUnlessVerifiedActive() {
        #expect(TokenAge(user: KnownUser(userToken: "t"), now: now).state == .expired)
        #expect(TokenAge(user: KnownUser(userToken: "t"), now: now).timeLeft == nil)
        #expect(TokenAge(user: KnownUser(userToken: "t", verifiedActive: true), now: now).state == .active)
    }

    @Test func sortsByTimeLeftUnknownLast() {
        let users = [
            KnownUser(userToken: "c-unknown"),
            KnownUser(userToken: "b-20d", lastSigned: now - 10 * day),
            KnownUser(userToken: "a-expired", lastSigned: now - 40 * day),
            KnownUser(userToken: "d-2d", tokenExpiration: now + 2 * day),
        ]
        #expect(users.sortedByTimeLeft(now: now).map(\.userToken) == ["a-expired", "d-2d", "b-20d", "c-unknown"])
    }

    @Test func shortening() {
        #expect(Shorten.middle("rPEPPER7kfTD9w2To4CQk6UCfuHM9c6GDY", keep: 6) == "rPEPPE…9c6GDY")
        #expect(Shorten.middle("short", keep: 6) == "short")
        #expect(Shorten.duration(42) == "42s")
        #expect(Shorten.duration(-3 * 86400) == "-3d")
        #expect(Shorten.duration(5 * 3600) == "5h")
    }
}
