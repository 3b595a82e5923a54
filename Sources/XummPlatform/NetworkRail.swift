import Foundation

/// One network of `GET /rails` (the answer is an object keyed by network: `MAINNET`, `TESTNET`, ...).
public struct NetworkRail: Sendable, Equatable, Codable {
    public struct Endpoint: Sendable, Equatable, Codable {
        public var name: String
        public var url: String
        public init(name: String, url: String) { self.name = name; self.url = url }
    }

    /// A block explorer; `urlTx` is a prefix the transaction hash is appended to.
    public struct Explorer: Sendable, Equatable, Codable {
        public var name: String
        public var urlTx: String
        public var urlAccount: String?
        enum CodingKeys: String, CodingKey { case name; case urlTx = "url_tx", urlAccount = "url_account" }
        public init(name: String, urlTx: String, urlAccount: String? = nil) { self.name = name; self.urlTx = urlTx; self.urlAccount = urlAccount }
    }

    public var chainID: Int
    public var color: String?
    public var name: String
    public var isLivenet: Bool
    public var nativeAsset: String?
    public var endpoints: [Endpoint]
    public var explorers: [Explorer]

    enum CodingKeys: String, CodingKey {
        case color, name, endpoints, explorers
        case chainID = "chain_id", isLivenet = "is_livenet", nativeAsset = "native_asset"
    }

    public init(chainID: Int, color: String? = nil, name: String, isLivenet: Bool, nativeAsset: String? = "xrp",
                endpoints: [Endpoint] = [], explorers: [Explorer] = []) {
        self.chainID = chainID; self.color = color; self.name = name; self.isLivenet = isLivenet
        self.nativeAsset = nativeAsset; self.endpoints = endpoints; self.explorers = explorers
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        chainID = try c.decodeIfPresent(Int.self, forKey: .chainID) ?? 0
        color = try c.decodeIfPresent(String.self, forKey: .color)
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
        isLivenet = try c.decodeIfPresent(FlexibleBool.self, forKey: .isLivenet)?.value ?? false
        nativeAsset = try c.decodeIfPresent(String.self, forKey: .nativeAsset)
        endpoints = try c.decodeIfPresent([Endpoint].self, forKey: .endpoints) ?? []
        explorers = try c.decodeIfPresent([Explorer].self, forKey: .explorers) ?? []
    }

    /// The first explorer's page for a transaction.
    public func explorerURL(txid: String) -> String? { explorers.first.map { $0.urlTx + txid } }
}
