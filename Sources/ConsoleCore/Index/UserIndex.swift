import Domain

/// The known users with cached sort orders and an incremental filter, so that a keystroke at
/// 100,000 users costs one linear byte scan at most (and usually a scan of the previous matches).
///
/// The filter matches a case-insensitive substring of the display name, or a prefix of the account
/// or of the user token (see ``SearchKeys``, built on the first filter keystroke or name sort).
/// Two indices are equal when they list the same users in the same sort, filter and visible rows.
public struct UserIndex: Sendable, Equatable {
    public private(set) var users: [KnownUser] = []
    /// Indices into `users`, sorted and filtered: what the pane lists.
    public private(set) var visible: [Int32] = []
    public private(set) var sort: UserSort = .timeLeft
    public private(set) var query: String = ""

    private var tokens = TokenTable()
    private var search: SearchKeys?
    /// Sort keys per user: expiry instant (unix seconds, +inf when unknown) and last signed (-inf when never).
    private var expiry: [Double] = []
    private var lastSigned: [Double] = []
    /// First 8 bytes of each token (see ``UserOrder/asciiPrefix(_:)``); used only while every token
    /// is ASCII, so that byte order is `String` order.
    private var tokenPrefix: [UInt64] = []
    private var asciiTokens = true
    private var orders: [UserSort: [Int32]] = [:]
    private var queryBytes: [UInt8] = []
    /// Results of each shorter query typed so far (for O(1) backspace).
    private var filterStack: [FilterStep] = []

    private struct FilterStep: Sendable { var query: [UInt8]; var visible: [Int32] }

    public init() {}

    public init(users: [KnownUser], sort: UserSort = .timeLeft) {
        self.sort = sort
        replaceAll(users)
    }

    public static func == (a: UserIndex, b: UserIndex) -> Bool {
        a.sort == b.sort && a.query == b.query && a.visible == b.visible && a.users == b.users
    }

    public var count: Int { users.count }

    /// The user shown at a visible row.
    public func user(atVisible row: Int) -> KnownUser? {
        guard row >= 0, row < visible.count else { return nil }
        return users[Int(visible[row])]
    }

    public func user(token: String) -> KnownUser? { tokens.find(token, in: users).map { users[Int($0)] } }

    /// Row of a token in the visible list (linear).
    public func visibleRow(of token: String) -> Int? {
        guard let p = tokens.find(token, in: users) else { return nil }
        return visible.firstIndex(of: p)
    }

    // MARK: - Mutation

    public mutating func replaceAll(_ list: [KnownUser]) {
        users = list
        tokens = TokenTable(users: list)
        search = nil
        expiry = []
        expiry.reserveCapacity(list.count)
        lastSigned = []
        lastSigned.reserveCapacity(list.count)
        tokenPrefix = []
        tokenPrefix.reserveCapacity(list.count)
        asciiTokens = true
        list.withUnsafeBufferPointer { list in
            for i in list.indices { appendKeys(list[i]) }
        }
        orders = [:]
        filterStack = []
        if !queryBytes.isEmpty || sort == .name { ensureSearchKeys() }
        let order = makeOrder(sort)
        orders[sort] = order
        refilter(from: order)
    }

    /// Inserts or replaces one user, keeping the current order (binary insertion) and filter.
    public mutating func upsert(_ u: KnownUser) {
        let idx: Int32
        var oldPosition: Int?
        if let p = tokens.find(u.userToken, in: users) {
            idx = p
            let i = Int(p)
            let sameKeys = expiry[i] == Self.expiryKey(u) && lastSigned[i] == Self.lastSignedKey(u)
                && (sort != .name || users[i].displayName == u.displayName)
            // Found while the keys are still the old ones: the order is sorted by them.
            if !sameKeys, let order = orders[sort] { oldPosition = position(of: idx, in: order) }
            users[i] = u
            expiry[i] = Self.expiryKey(u)
            lastSigned[i] = Self.lastSignedKey(u)
            search?.set(u, at: i)
            // Same place in the sort (a push count, a name while sorted by time): no reordering.
            if sameKeys, orders[sort] != nil, queryBytes.isEmpty { return }
        } else {
            idx = Int32(users.count)
            users.append(u)
            tokens.insert(idx, in: users)
            appendKeys(u)
            search?.set(u, at: Int(idx))
        }
        if sort == .name { ensureSearchKeys() }
        var order = orders[sort] ?? makeOrder(sort)
        // Drop the other references to the order so it is edited in place (the keys changed anyway).
        orders = [:]
        filterStack = []
        visible = []
        if let old = oldPosition ?? order.firstIndex(of: idx) { order.remove(at: old) }
        var lo = 0, hi = order.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if precedes(order[mid], idx, sort) { lo = mid + 1 } else { hi = mid }
        }
        order.insert(idx, at: lo)
        orders[sort] = order
        refilter(from: order)
    }

    /// Where `idx` sits in `order` (sorted by the current keys), by binary search; nil if absent.
    private func position(of idx: Int32, in order: [Int32]) -> Int? {
        var lo = 0, hi = order.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if precedes(order[mid], idx, sort) { lo = mid + 1 } else { hi = mid }
        }
        return lo < order.count && order[lo] == idx ? lo : nil
    }

    public mutating func setSort(_ s: UserSort) {
        guard s != sort else { return }
        sort = s
        if s == .name { ensureSearchKeys() }
        let order = orders[s] ?? makeOrder(s)
        orders[s] = order
        filterStack = []
        refilter(from: order)
    }

    /// Sets the filter; narrows the previous matches when the new query extends the old one.
    public mutating func setQuery(_ q: String) {
        var newBytes: [UInt8] = []
        SearchKeys.appendLowercased(q, to: &newBytes)
        let narrowing = !queryBytes.isEmpty && newBytes.starts(with: queryBytes)
        if narrowing {
            filterStack.append(FilterStep(query: queryBytes, visible: visible))
        } else {
            while let top = filterStack.last, !newBytes.starts(with: top.query) { filterStack.removeLast() }
        }
        query = q
        queryBytes = newBytes
        if let cached = filterStack.last, cached.query == newBytes {
            filterStack.removeLast()
            visible = cached.visible
            return
        }
        if !newBytes.isEmpty { ensureSearchKeys() }
        let source = narrowing ? visible : (filterStack.last?.visible ?? currentOrder())
        refilter(from: source)
    }

    // MARK: - Internals

    private mutating func appendKeys(_ u: KnownUser) {
        expiry.append(Self.expiryKey(u))
        lastSigned.append(Self.lastSignedKey(u))
        let prefix = UserOrder.asciiPrefix(u.userToken)
        if prefix == nil { asciiTokens = false }
        tokenPrefix.append(prefix ?? 0)
    }

    private static func expiryKey(_ u: KnownUser) -> Double {
        TokenAge.expiry(of: u)?.timeIntervalSince1970 ?? .infinity
    }

    private static func lastSignedKey(_ u: KnownUser) -> Double {
        u.lastSigned?.timeIntervalSince1970 ?? -.infinity
    }

    private mutating func ensureSearchKeys() {
        if search == nil { search = SearchKeys(users: users) }
    }

    private mutating func currentOrder() -> [Int32] {
        if let order = orders[sort] { return order }
        let order = makeOrder(sort)
        orders[sort] = order
        return order
    }

    /// Strict order of the sort `s`; ties by token. `.name` needs the search keys.
    private func precedes(_ a: Int32, _ b: Int32, _ s: UserSort) -> Bool {
        let i = Int(a), j = Int(b)
        switch s {
        case .timeLeft:
            if expiry[i] != expiry[j] { return expiry[i] < expiry[j] }
        case .lastSigned:
            if lastSigned[i] != lastSigned[j] { return lastSigned[i] > lastSigned[j] }
        case .name:
            let c = search!.compareNames(i, j)
            if c != 0 { return c < 0 }
        }
        return users[i].userToken < users[j].userToken
    }

    private func makeOrder(_ s: UserSort) -> [Int32] {
        var entries: [UserOrder.Entry] = []
        entries.reserveCapacity(users.count)
        switch s {
        case .timeLeft, .lastSigned:
            let keys = s == .timeLeft ? expiry : lastSigned
            let sign: Double = s == .timeLeft ? 1 : -1
            for i in users.indices {
                entries.append(.init(key: sign * keys[i], prefix: asciiTokens ? tokenPrefix[i] : 0, index: Int32(i)))
            }
            return UserOrder.sort(&entries) { users[Int($0)].userToken < users[Int($1)].userToken }
        case .name:
            let keys = search!
            for i in users.indices { entries.append(.init(key: 0, prefix: keys.namePrefix(i), index: Int32(i))) }
            return UserOrder.sort(&entries) { precedes($0, $1, .name) }
        }
    }

    private mutating func refilter(from source: [Int32]) {
        guard !queryBytes.isEmpty, let search else { visible = source; return }
        visible = search.filter(source, query: queryBytes)
    }
}
