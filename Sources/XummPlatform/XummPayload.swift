import Foundation

/// Result of `GET /payload/{uuid}` and `GET /payload/ci/{identifier}`.
public struct XummPayload: Sendable, Equatable, Codable {
    public var meta: PayloadMeta
    public var application: PayloadApplication
    public var payload: PayloadDetails
    public var response: PayloadResponse
    public var customMeta: CustomMeta?

    enum CodingKeys: String, CodingKey { case meta, application, payload, response; case customMeta = "custom_meta" }

    public init(meta: PayloadMeta, application: PayloadApplication, payload: PayloadDetails, response: PayloadResponse, customMeta: CustomMeta?) {
        self.meta = meta; self.application = application; self.payload = payload; self.response = response; self.customMeta = customMeta
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(meta, forKey: .meta)
        try c.encode(application, forKey: .application)
        try c.encode(payload, forKey: .payload)
        try c.encode(response, forKey: .response)
        try c.encode(customMeta, forKey: .customMeta)
    }
}

/// `meta` of a payload: where it is in its life.
public struct PayloadMeta: Sendable, Equatable, Codable {
    public var exists: Bool
    public var uuid: String
    public var multisign: Bool
    public var submit: Bool
    public var pathfinding: Bool?
    public var pathfindingFallback: Bool?
    public var forceNetwork: String?
    public var destination: String
    public var resolvedDestination: String
    public var resolved: Bool
    public var signed: Bool
    public var cancelled: Bool
    public var expired: Bool
    public var pushed: Bool
    public var appOpened: Bool
    public var openedByDeeplink: Bool?
    public var immutable: Bool?
    public var forceAccount: Bool?
    public var returnURLApp: String?
    public var returnURLWeb: String?
    public var isXapp: Bool?
    public var signers: [String]?

    enum CodingKeys: String, CodingKey {
        case exists, uuid, multisign, submit, pathfinding, destination, resolved, signed, cancelled, expired, pushed, immutable, signers
        case pathfindingFallback = "pathfinding_fallback", forceNetwork = "force_network"
        case resolvedDestination = "resolved_destination", appOpened = "app_opened", openedByDeeplink = "opened_by_deeplink"
        case forceAccount = "forceAccount", returnURLApp = "return_url_app", returnURLWeb = "return_url_web", isXapp = "is_xapp"
    }

    public init(exists: Bool = true, uuid: String, multisign: Bool = false, submit: Bool = true, pathfinding: Bool? = false,
                pathfindingFallback: Bool? = false, forceNetwork: String? = nil, destination: String = "", resolvedDestination: String = "",
                resolved: Bool = false, signed: Bool = false, cancelled: Bool = false, expired: Bool = false, pushed: Bool = false,
                appOpened: Bool = false, openedByDeeplink: Bool? = nil, immutable: Bool? = false, forceAccount: Bool? = false,
                returnURLApp: String? = nil, returnURLWeb: String? = nil, isXapp: Bool? = false, signers: [String]? = nil) {
        self.exists = exists; self.uuid = uuid; self.multisign = multisign; self.submit = submit; self.pathfinding = pathfinding
        self.pathfindingFallback = pathfindingFallback; self.forceNetwork = forceNetwork; self.destination = destination
        self.resolvedDestination = resolvedDestination; self.resolved = resolved; self.signed = signed; self.cancelled = cancelled
        self.expired = expired; self.pushed = pushed; self.appOpened = appOpened; self.openedByDeeplink = openedByDeeplink
        self.immutable = immutable; self.forceAccount = forceAccount; self.returnURLApp = returnURLApp; self.returnURLWeb = returnURLWeb
        self.isXapp = isXapp; self.signers = signers
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        exists = try c.decodeIfPresent(Bool.self, forKey: .exists) ?? true
        uuid = try c.decode(String.self, forKey: .uuid)
        multisign = try c.decodeIfPresent(Bool.self, forKey: .multisign) ?? false
        submit = try c.decodeIfPresent(Bool.self, forKey: .submit) ?? false
        pathfinding = try c.decodeIfPresent(Bool.self, forKey: .pathfinding)
        pathfindingFallback = try c.decodeIfPresent(Bool.self, forKey: .pathfindingFallback)
        forceNetwork = try c.decodeIfPresent(String.self, forKey: .forceNetwork)
        destination = try c.decodeIfPresent(String.self, forKey: .destination) ?? ""
        resolvedDestination = try c.decodeIfPresent(String.self, forKey: .resolvedDestination) ?? ""
        resolved = try c.decode(Bool.self, forKey: .resolved)
        signed = try c.decode(Bool.self, forKey: .signed)
        cancelled = try c.decode(Bool.self, forKey: .cancelled)
        expired = try c.decode(Bool.self, forKey: .expired)
        pushed = try c.decodeIfPresent(Bool.self, forKey: .pushed) ?? false
        appOpened = try c.decodeIfPresent(Bool.self, forKey: .appOpened) ?? false
        openedByDeeplink = try c.decodeIfPresent(Bool.self, forKey: .openedByDeeplink)
        immutable = try c.decodeIfPresent(Bool.self, forKey: .immutable)
        forceAccount = try c.decodeIfPresent(Bool.self, forKey: .forceAccount)
        returnURLApp = try c.decodeIfPresent(String.self, forKey: .returnURLApp)
        returnURLWeb = try c.decodeIfPresent(String.self, forKey: .returnURLWeb)
        isXapp = try c.decodeIfPresent(Bool.self, forKey: .isXapp)
        signers = try c.decodeIfPresent([String].self, forKey: .signers)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(exists, forKey: .exists); try c.encode(uuid, forKey: .uuid)
        try c.encode(multisign, forKey: .multisign); try c.encode(submit, forKey: .submit)
        try c.encode(pathfinding, forKey: .pathfinding); try c.encode(pathfindingFallback, forKey: .pathfindingFallback)
        try c.encode(forceNetwork, forKey: .forceNetwork); try c.encode(destination, forKey: .destination)
        try c.encode(resolvedDestination, forKey: .resolvedDestination); try c.encode(resolved, forKey: .resolved)
        try c.encode(signed, forKey: .signed); try c.encode(cancelled, forKey: .cancelled)
        try c.encode(expired, forKey: .expired); try c.encode(pushed, forKey: .pushed)
        try c.encode(appOpened, forKey: .appOpened); try c.encode(openedByDeeplink, forKey: .openedByDeeplink)
        try c.encode(immutable, forKey: .immutable); try c.encode(forceAccount, forKey: .forceAccount)
        try c.encode(returnURLApp, forKey: .returnURLApp); try c.encode(returnURLWeb, forKey: .returnURLWeb)
        try c.encode(isXapp, forKey: .isXapp); try c.encode(signers, forKey: .signers)
    }
}

/// `application` of a payload.
public struct PayloadApplication: Sendable, Equatable, Codable {
    public var name: String
    public var description: String?
    public var disabled: FlexibleBool
    public var uuidv4: String
    public var iconURL: String?
    /// The user token issued when this payload was signed; `nil` otherwise.
    public var issuedUserToken: String?

    enum CodingKeys: String, CodingKey {
        case name, description, disabled, uuidv4
        case iconURL = "icon_url", issuedUserToken = "issued_user_token"
    }
    public init(name: String, description: String? = nil, disabled: Bool = false, uuidv4: String, iconURL: String? = nil, issuedUserToken: String? = nil) {
        self.name = name; self.description = description; self.disabled = FlexibleBool(disabled); self.uuidv4 = uuidv4
        self.iconURL = iconURL; self.issuedUserToken = issuedUserToken
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name); try c.encode(description, forKey: .description)
        try c.encode(disabled, forKey: .disabled); try c.encode(uuidv4, forKey: .uuidv4)
        try c.encode(iconURL, forKey: .iconURL); try c.encode(issuedUserToken, forKey: .issuedUserToken)
    }
}

/// `payload` block of a payload GET: what was requested.
public struct PayloadDetails: Sendable, Equatable, Codable {
    public var txType: String
    public var txDestination: String?
    public var txDestinationTag: Int?
    public var requestJSON: JSONValue
    public var origintype: String?
    public var signmethod: String?
    public var createdAt: String
    public var expiresAt: String
    public var expiresInSeconds: Int

    enum CodingKeys: String, CodingKey {
        case origintype, signmethod
        case txType = "tx_type", txDestination = "tx_destination", txDestinationTag = "tx_destination_tag"
        case requestJSON = "request_json", createdAt = "created_at", expiresAt = "expires_at", expiresInSeconds = "expires_in_seconds"
    }
    public init(txType: String, txDestination: String? = "", txDestinationTag: Int? = nil, requestJSON: JSONValue, origintype: String? = nil,
                signmethod: String? = nil, createdAt: String, expiresAt: String, expiresInSeconds: Int) {
        self.txType = txType; self.txDestination = txDestination; self.txDestinationTag = txDestinationTag; self.requestJSON = requestJSON
        self.origintype = origintype; self.signmethod = signmethod; self.createdAt = createdAt; self.expiresAt = expiresAt
        self.expiresInSeconds = expiresInSeconds
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(txType, forKey: .txType); try c.encode(txDestination, forKey: .txDestination)
        try c.encode(txDestinationTag, forKey: .txDestinationTag); try c.encode(requestJSON, forKey: .requestJSON)
        try c.encode(origintype, forKey: .origintype); try c.encode(signmethod, forKey: .signmethod)
        try c.encode(createdAt, forKey: .createdAt); try c.encode(expiresAt, forKey: .expiresAt)
        try c.encode(expiresInSeconds, forKey: .expiresInSeconds)
    }
}

/// `response` block of a payload GET: what the user did and where it went.
public struct PayloadResponse: Sendable, Equatable, Codable {
    public var hex: String?
    public var txid: String?
    public var resolvedAt: String?
    public var dispatchedTo: String?
    public var dispatchedResult: String?
    public var dispatchedToNode: Bool?
    public var environmentNodeuri: String?
    public var environmentNodetype: String?
    public var environmentNetworkID: Int?
    public var dispatchedNodetype: String?
    public var multisignAccount: String?
    public var account: String?
    public var signer: String?
    public var user: String?

    enum CodingKeys: String, CodingKey {
        case hex, txid, account, signer, user
        case resolvedAt = "resolved_at", dispatchedTo = "dispatched_to", dispatchedResult = "dispatched_result"
        case dispatchedToNode = "dispatched_to_node", environmentNodeuri = "environment_nodeuri"
        case environmentNodetype = "environment_nodetype", environmentNetworkID = "environment_networkid"
        case dispatchedNodetype = "dispatched_nodetype", multisignAccount = "multisign_account"
    }
    public init(hex: String? = nil, txid: String? = nil, resolvedAt: String? = nil, dispatchedTo: String? = nil, dispatchedResult: String? = nil,
                dispatchedToNode: Bool? = nil, environmentNodeuri: String? = nil, environmentNodetype: String? = nil, environmentNetworkID: Int? = nil,
                dispatchedNodetype: String? = nil, multisignAccount: String? = nil, account: String? = nil, signer: String? = nil, user: String? = nil) {
        self.hex = hex; self.txid = txid; self.resolvedAt = resolvedAt; self.dispatchedTo = dispatchedTo; self.dispatchedResult = dispatchedResult
        self.dispatchedToNode = dispatchedToNode; self.environmentNodeuri = environmentNodeuri; self.environmentNodetype = environmentNodetype
        self.environmentNetworkID = environmentNetworkID; self.dispatchedNodetype = dispatchedNodetype; self.multisignAccount = multisignAccount
        self.account = account; self.signer = signer; self.user = user
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(hex, forKey: .hex); try c.encode(txid, forKey: .txid); try c.encode(resolvedAt, forKey: .resolvedAt)
        try c.encode(dispatchedTo, forKey: .dispatchedTo); try c.encode(dispatchedResult, forKey: .dispatchedResult)
        try c.encode(dispatchedToNode, forKey: .dispatchedToNode); try c.encode(environmentNodeuri, forKey: .environmentNodeuri)
        try c.encode(environmentNodetype, forKey: .environmentNodetype); try c.encode(environmentNetworkID, forKey: .environmentNetworkID)
        try c.encode(dispatchedNodetype, forKey: .dispatchedNodetype); try c.encode(multisignAccount, forKey: .multisignAccount)
        try c.encode(account, forKey: .account); try c.encode(signer, forKey: .signer); try c.encode(user, forKey: .user)
    }
}
