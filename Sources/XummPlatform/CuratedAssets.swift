import Foundation

/// Answer to `GET /curated-assets`: the issuers and tokens Xumm lists, by issuer name.
public struct CuratedAssets: Sendable, Equatable, Codable {
    public struct Issuer: Sendable, Equatable, Codable {
        public var id: Int
        public var name: String
        public var domain: String?
        public var avatar: String?
        /// `1` when Xumm shows it in its short list (the platform sends 0/1).
        public var shortlist: Int
        public var currencies: [String: Asset]
        public init(id: Int, name: String, domain: String? = nil, avatar: String? = nil, shortlist: Bool = true, currencies: [String: Asset]) {
            self.id = id; self.name = name; self.domain = domain; self.avatar = avatar
            self.shortlist = shortlist ? 1 : 0; self.currencies = currencies
        }
    }

    /// One token: its issuing account and currency code.
    public struct Asset: Sendable, Equatable, Codable {
        public var id: Int
        public var issuerID: Int
        public var issuer: String
        public var currency: String
        public var name: String
        public var avatar: String?
        /// `1` when Xumm shows it in its short list (the platform sends 0/1).
        public var shortlist: Int
        enum CodingKeys: String, CodingKey { case id, issuer, currency, name, avatar, shortlist; case issuerID = "issuer_id" }
        public init(id: Int, issuerID: Int, issuer: String, currency: String, name: String, avatar: String? = nil, shortlist: Bool = true) {
            self.id = id; self.issuerID = issuerID; self.issuer = issuer; self.currency = currency; self.name = name
            self.avatar = avatar; self.shortlist = shortlist ? 1 : 0
        }
    }

    public var issuers: [String]
    public var currencies: [String]
    public var details: [String: Issuer]

    public init(issuers: [String], currencies: [String], details: [String: Issuer]) {
        self.issuers = issuers; self.currencies = currencies; self.details = details
    }
}
