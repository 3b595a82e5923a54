import Foundation

/// `options` of a payload create request.
public struct PayloadOptions: Sendable, Equatable, Codable {
    public var submit: Bool?
    public var multisign: Bool?
    /// Minutes until the payload expires.
    public var expire: Int?
    public var returnURL: ReturnURL?
    public var signers: [String]?
    public var forceNetwork: String?
    public var pathfinding: Bool?
    public var pathfindingFallback: Bool?

    public init(submit: Bool? = nil, multisign: Bool? = nil, expire: Int? = nil, returnURL: ReturnURL? = nil,
                signers: [String]? = nil, forceNetwork: String? = nil, pathfinding: Bool? = nil, pathfindingFallback: Bool? = nil) {
        self.submit = submit; self.multisign = multisign; self.expire = expire; self.returnURL = returnURL
        self.signers = signers; self.forceNetwork = forceNetwork; self.pathfinding = pathfinding
        self.pathfindingFallback = pathfindingFallback
    }

    enum CodingKeys: String, CodingKey {
        case submit, multisign, expire, signers, pathfinding
        case returnURL = "return_url", forceNetwork = "force_network", pathfindingFallback = "pathfinding_fallback"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        submit = try c.decodeIfPresent(Bool.self, forKey: .submit)
        multisign = try c.decodeIfPresent(Bool.self, forKey: .multisign)
        // The platform accepts a numeric string for expire; so do we.
        if let i = try? c.decodeIfPresent(Int.self, forKey: .expire) { expire = i }
        else if let d = try? c.decodeIfPresent(Double.self, forKey: .expire) { expire = Int(d) }
        else if let s = try? c.decodeIfPresent(String.self, forKey: .expire) { expire = Int(s) }
        else { expire = nil }
        returnURL = try c.decodeIfPresent(ReturnURL.self, forKey: .returnURL)
        signers = try c.decodeIfPresent([String].self, forKey: .signers)
        forceNetwork = try c.decodeIfPresent(String.self, forKey: .forceNetwork)
        pathfinding = try c.decodeIfPresent(Bool.self, forKey: .pathfinding)
        pathfindingFallback = try c.decodeIfPresent(Bool.self, forKey: .pathfindingFallback)
    }
}

/// `return_url` pair (app / web); either may be null.
public struct ReturnURL: Sendable, Equatable, Codable {
    public var app: String?
    public var web: String?
    public init(app: String? = nil, web: String? = nil) { self.app = app; self.web = web }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(app, forKey: .app)
        try c.encode(web, forKey: .web)
    }
}

/// `custom_meta`: the app's own reference data on a payload.
public struct CustomMeta: Sendable, Equatable, Codable {
    /// Unique per app, at most 40 characters.
    public var identifier: String?
    /// Free JSON, at most 1500 characters serialised.
    public var blob: JSONValue?
    /// Shown to the user, at most 280 characters.
    public var instruction: String?

    public init(identifier: String? = nil, blob: JSONValue? = nil, instruction: String? = nil) {
        self.identifier = identifier; self.blob = blob; self.instruction = instruction
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(identifier, forKey: .identifier)
        try c.encode(blob, forKey: .blob)
        try c.encode(instruction, forKey: .instruction)
    }
}

/// Body of `POST /payload`. Exactly one of `txjson` / `txblob`.
public struct PayloadCreateRequest: Sendable, Equatable, Codable {
    public var txjson: TxJSON?
    public var txblob: String?
    public var userToken: String?
    public var options: PayloadOptions?
    public var customMeta: CustomMeta?

    public init(txjson: TxJSON? = nil, txblob: String? = nil, userToken: String? = nil,
                options: PayloadOptions? = nil, customMeta: CustomMeta? = nil) {
        self.txjson = txjson; self.txblob = txblob; self.userToken = userToken
        self.options = options; self.customMeta = customMeta
    }

    enum CodingKeys: String, CodingKey {
        case txjson, txblob, options
        case userToken = "user_token", customMeta = "custom_meta"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        txjson = try c.decodeIfPresent(JSONValue.self, forKey: .txjson).map { TxJSON(value: $0) }
        txblob = try c.decodeIfPresent(String.self, forKey: .txblob)
        userToken = try c.decodeIfPresent(String.self, forKey: .userToken)
        options = try c.decodeIfPresent(PayloadOptions.self, forKey: .options)
        customMeta = try c.decodeIfPresent(CustomMeta.self, forKey: .customMeta)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(txjson?.value, forKey: .txjson)
        try c.encodeIfPresent(txblob, forKey: .txblob)
        try c.encodeIfPresent(userToken, forKey: .userToken)
        try c.encodeIfPresent(options, forKey: .options)
        try c.encodeIfPresent(customMeta, forKey: .customMeta)
    }

    /// The wire body: the txjson text is spliced in verbatim so its key order is exactly as written.
    public func wireBody() throws -> Data {
        var copy = self
        copy.txjson = nil
        let rest = try JSONEncoder().encode(copy)
        guard let txjson else { return rest }
        var out = Data("{\"txjson\":".utf8)
        out.append(Data(txjson.text.utf8))
        let tail = rest.dropFirst() // drop "{"
        if tail.first != UInt8(ascii: "}") { out.append(UInt8(ascii: ",")) }
        out.append(tail)
        return out
    }
}
