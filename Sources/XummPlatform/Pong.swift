import Foundation

/// Answer to `GET /ping`: who the credentials belong to.
public struct Pong: Sendable, Equatable, Codable {
    public struct Application: Sendable, Equatable, Codable {
        public var uuidv4: String
        public var name: String
        public var webhookurl: String?
        public var redirecturis: [String]?
        public var disabled: FlexibleBool
        public init(uuidv4: String, name: String, webhookurl: String?, redirecturis: [String]? = [], disabled: Bool = false) {
            self.uuidv4 = uuidv4; self.name = name; self.webhookurl = webhookurl; self.redirecturis = redirecturis; self.disabled = FlexibleBool(disabled)
        }
    }
    public struct Call: Sendable, Equatable, Codable {
        public var uuidv4: String
        public init(uuidv4: String) { self.uuidv4 = uuidv4 }
    }
    public struct Auth: Sendable, Equatable, Codable {
        public var quota: JSONValue?
        public var application: Application
        public var call: Call
        public init(quota: JSONValue? = .object([:]), application: Application, call: Call) { self.quota = quota; self.application = application; self.call = call }
    }
    public var pong: Bool
    public var auth: Auth
    public init(pong: Bool = true, auth: Auth) { self.pong = pong; self.auth = auth }
}

/// The SDK fixtures sometimes wrap the answer as `{"pong": {...}}`; the wire form is the inner object.
public struct PongEnvelope: Sendable, Equatable, Decodable {
    public var pong: Pong
}
