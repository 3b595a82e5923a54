import XummPlatform

/// What `pushdesk doctor` learnt from the platform (`GET /ping`).
public struct PlatformFacts: Sendable, Equatable {
    /// Which platform was asked.
    public enum Target: Sendable, Equatable {
        /// The in-process simulator (no credentials configured), as the console would start it.
        case embeddedSimulator
        /// xumm.app or the configured API base.
        case live
    }

    /// Where the credentials came from.
    public enum CredentialSource: Sendable, Equatable {
        case none, environment, configFile
    }

    /// What the ping answered.
    public enum Answer: Sendable, Equatable {
        /// No key/secret to ask with.
        case noCredentials
        /// The credentials were accepted.
        case pong(applicationName: String, webhookURL: String?)
        /// 403 / Xumm error 813.
        case credentialsRefused(reference: String?)
        /// No answer at all (DNS, connect, TLS, timeout).
        case unreachable(reason: String)
        /// Any other error (5xx, an undecodable answer, ...), as the client words it.
        case failed(description: String)
    }

    /// Embedded simulator or live platform.
    public var target: Target
    /// The API base asked (`…/api/v1/platform`).
    public var baseURL: String
    /// Where the key and secret came from (never the values).
    public var credentialSource: CredentialSource
    /// What `GET /ping` answered.
    public var answer: Answer
    /// The platform's `Date` header on the ping's answer (also on a refusal).
    public var clock: ServerClockReading?

    public init(target: Target, baseURL: String, credentialSource: CredentialSource, answer: Answer, clock: ServerClockReading?) {
        self.target = target; self.baseURL = baseURL; self.credentialSource = credentialSource; self.answer = answer; self.clock = clock
    }
}
