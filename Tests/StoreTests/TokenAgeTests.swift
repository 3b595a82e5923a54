import Domain
import Foundation
import Testing

@Suite("TokenAge (pure, time passed in)")
struct TokenAgeTests {
    let token = "11111111-2222-3333-4444-555555555555"

    @Test func derivesExpiryFromLastSignedPlus30Days() {
        let u = KnownUser(userToken: token, lastSigned: t0)
        let age = TokenAge(user: u, now: t0.addingTimeInterval(10 * day))
        #expect(age.expiresAt == t0.addingTimeInterval(30 * day))
        #expect(age.timeLeft == 20 * day)
        #expect(age.age == 10 * day)
        #expect(age.state == .active)
    }

    @Test func platformExpirationIsAuthoritative() {
        let u = KnownUser(userToken: token, tokenIssued: t0, tokenExpiration: t0.addingTimeInterval(5 * day))
        let age = TokenAge(user: u, now: t0.addingTimeInterval(day))
        #expect(age.expiresAt == t0.addingTimeInterval(5 * day))
        #expect(age.state == .expiring)
    }

    @Test func laterSignatureRestartsThe30Days() {
        let u = KnownUser(userToken: token, tokenIssued: t0, tokenExpiration: t0.addingTimeInterval(30 * day),
                          lastSigned: t0.addingTimeInterval(20 * day))
        #expect(TokenAge.expiry(of: u) == t0.addingTimeInterval(50 * day))
    }

    @Test func expiringWindowIsConfigurable() {
        let u = KnownUser(userToken: token, lastSigned: t0)
        let now = t0.addingTimeInterval(20 * day) // 10 days left
        #expect(TokenAge(user: u, now: now).state == .active)
        #expect(TokenAge(user: u, now: now, expiringWindow: 14 * day).state == .expiring)
    }

    @Test func expiredAtAndAfterTheInstant() {
        let u = KnownUser(userToken: token, lastSigned: t0)
        #expect(TokenAge(user: u, now: t0.addingTimeInterval(30 * day)).state == .expired)
        let late = TokenAge(user: u, now: t0.addingTimeInterval(31 * day))
        #expect(late.state == .expired)
        #expect(late.timeLeft == -day)
    }

    @Test func verificationSaysInactiveMeansRevoked() {
        let u = KnownUser(userToken: token, lastSigned: t0, verifiedActive: false, verifiedAt: t0.addingTimeInterval(day))
        #expect(TokenAge(user: u, now: t0.addingTimeInterval(2 * day)).state == .revoked)
    }

    @Test func signatureAfterAnInactiveVerificationRevivesTheToken() {
        let u = KnownUser(userToken: token, lastSigned: t0.addingTimeInterval(2 * day), verifiedActive: false, verifiedAt: t0.addingTimeInterval(day))
        #expect(TokenAge(user: u, now: t0.addingTimeInterval(3 * day)).state == .active)
    }

    @Test func nothingKnownIsExpiredUnlessVerifiedActive() {
        #expect(TokenAge(user: KnownUser(userToken: token), now: t0).state == .expired)
        #expect(TokenAge(user: KnownUser(userToken: token), now: t0).timeLeft == nil)
        let verified = KnownUser(userToken: token, verifiedActive: true, verifiedAt: t0)
        #expect(TokenAge(user: verified, now: t0).state == .active)
    }

    @Test func sortsByTimeLeftUnknownLast() {
        let users = [
            KnownUser(userToken: "c-unknown"),
            KnownUser(userToken: "b-20d", lastSigned: t0.addingTimeInterval(-10 * day)),
            KnownUser(userToken: "a-expired", lastSigned: t0.addingTimeInterval(-40 * day)),
            KnownUser(userToken: "d-2d", tokenExpiration: t0.addingTimeInterval(2 * day)),
        ]
        #expect(users.sortedByTimeLeft(now: t0).map(\.userToken) == ["a-expired", "d-2d", "b-20d", "c-unknown"])
    }
}
