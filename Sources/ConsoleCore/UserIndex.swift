import Domain

/// The known users with cached sort orders and an incremental filter, so that a keystroke at
/// 100,000 users costs one linear byte scan at most (and usually a scan of the previous matches).
///
/// The filter matches a case-insensitive substring of the display name, or a prefix of the account
/// or of the user token.
public struct UserIndex: Sendable, Equatable {
    public private(set) var users: [KnownUser] = []
    /// Indices into `users`, sorted and filtered: what the pane lists.
    public private(set) var visible: [Int32] = []
    public private(set) var sort: UserSort = .timeLeft
    public private(set) var query: String = ""

    private var position: [String: Int32] = [:]
    /// Lower-cased search keys, all users concatenated: name, account, token.
    private var keyBytes: [UInt8] = []
    /// Per user: start of name, end of name, end of account, end of token in `keyBytes`.
    private var keyRanges: [SIMD4<Int32>] = []
    private var expiry: [Double] = []
    private var lastSigned: [Double] = []
    private var orders: [UserSort: [Int32]] = [:]
    private var queryBytes: [UInt8] = []
    /// Results of each shorter query typed so far (for O(1) backspace).
    private var filterStack: [FilterStep] = []

    private struct FilterStep: Sendable, Equatable { var query: [UInt8]; var visible: [Int32] }

    public init() {}

    public init(users: [KnownUser], sort: UserSort = .timeLeft) {
        self.sort = sort
        replaceAll(users)
    }

    public var count: Int { users.count }

    /// The user shown at a visible row.
    public func user(atVisible row: Int) -> KnownUser? {
        guard row >= 0, row < visible.count else { return nil }
        return users[Int(visible[row])]
    }

    public func user(token: String) -> KnownUser? { position[token].map { users[Int($0)] } }

    /// Row of a token in the visible list (linear).
    public func visibleRow(of token: String) -> Int? {
        guard let p = position[token] else { return nil }
        return visible.firstIndex(of: p)
    }

    // MARK: - Mutation

    public mutating func replaceAll(_ list: [KnownUser]) {
        users = list
        position = [:]
        position.reserveCapacity(list.count)
        keyBytes = []
        keyBytes.reserveCapacity(list.count * 48)
        keyRanges = []
        keyRanges.reserveCapacity(list.count)
        expiry = []
        expiry.reserveCapacity(list.count)
        lastSigned = []
        lastSigned.reserveCapacity(list.count)
        for (i, u) in list.enumerated() {
            position[u.userToken] = Int32(i)
            keyRanges.append(appendKey(u))
            expiry.append(Self.expiryKey(u))
            lastSigned.append(u.lastSigned?.timeIntervalSince1970 ?? -.infinity)
        }
        orders = [:]
        filterStack = []
        orders[sort] = makeOrder(sort)
        refilter(from: orders[sort]!)
    }

    /// Inserts or replaces one user, keeping the current order (binary insertion) and filter.
    public mutating func upsert(_ u: KnownUser) {
        let idx: Int32
        if let p = position[u.userToken] {
            idx = p
            users[Int(p)] = u
            keyRanges[Int(p)] = appendKey(u)
            expiry[Int(p)] = Self.expiryKey(u)
            lastSigned[Int(p)] = u.lastSigned?.timeIntervalSince1970 ?? -.infinity
        } else {
            idx = Int32(users.count)
            users.append(u)
            position[u.userToken] = idx
            keyRanges.append(appendKey(u))
            expiry.append(Self.expiryKey(u))
            lastSigned.append(u.lastSigned?.timeIntervalSince1970 ?? -.infinity)
        }
        var order = orders[sort] ?? makeOrder(sort)
        if let old = order.firstIndex(of: idx) { order.remove(at: old) }
        var lo = 0, hi = order.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if precedes(order[mid], idx, sort) { lo = mid + 1 } else { hi = mid }
        }
        order.insert(idx, at: lo)
        orders = [sort: order]
        filterStack = []
        refilter(from: order)
    }

    public mutating func setSort(_ s: UserSort) {
        guard s != sort else { return }
        sort = s
        if orders[s] == nil { orders[s] = makeOrder(s) }
        filterStack = []
        refilter(from: orders[s]!)
    }

    /// Sets the filter; narrows the previous matches when the new query extends the old one.
    public mutating func setQuery(_ q: String) {
        var newBytes: [UInt8] = []
        Self.appendLowercased(q, to: &newBytes)
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
        refilter(from: narrowing ? visible : (filterStack.last?.visible ?? orders[sort]!))
    }

    // MARK: - Internals

    private static func expiryKey(_ u: KnownUser) -> Double {
        TokenAge.expiry(of: u)?.timeIntervalSince1970 ?? .infinity
    }

    private mutating func appendKey(_ u: KnownUser) -> SIMD4<Int32> {
        let start = Int32(keyBytes.count)
        Self.appendLowercased(u.displayName, to: &keyBytes)
        let nameEnd = Int32(keyBytes.count)
        Self.appendLowercased(u.account ?? "", to: &keyBytes)
        let accountEnd = Int32(keyBytes.count)
        Self.appendLowercased(u.userToken, to: &keyBytes)
        return SIMD4(start, nameEnd, accountEnd, Int32(keyBytes.count))
    }

    /// ASCII fast path; full Unicode lower-casing only for non-ASCII text.
    private static func appendLowercased(_ s: String, to bytes: inout [UInt8]) {
        var utf8 = s.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            for b in utf8 { bytes.append(b >= 65 && b <= 90 ? b + 32 : b) }
        } else {
            utf8 = s.lowercased().utf8
            bytes.append(contentsOf: utf8)
        }
    }

    private func precedes(_ a: Int32, _ b: Int32, _ s: UserSort) -> Bool {
        let i = Int(a), j = Int(b)
        switch s {
        case .timeLeft:
            if expiry[i] != expiry[j] { return expiry[i] < expiry[j] }
        case .lastSigned:
            if lastSigned[i] != lastSigned[j] { return lastSigned[i] > lastSigned[j] }
        case .name:
            let ri = keyRanges[i], rj = keyRanges[j]
            let c = keyBytes[Int(ri.x)..<Int(ri.y)].lexicographicallyPrecedes(keyBytes[Int(rj.x)..<Int(rj.y)])
            if c { return true }
            if keyBytes[Int(ri.x)..<Int(ri.y)].elementsEqual(keyBytes[Int(rj.x)..<Int(rj.y)]) == false { return false }
        }
        return users[i].userToken < users[j].userToken
    }

    private func makeOrder(_ s: UserSort) -> [Int32] {
        var order = Array(0..<Int32(users.count))
        switch s {
        case .timeLeft, .lastSigned:
            // Numeric keys: sort (key, index) pairs without closures over self.
            let keys = s == .timeLeft ? expiry : lastSigned.map { -$0 }
            var pairs = order.map { (keys[Int($0)], users[Int($0)].userToken.utf8.count, $0) }
            pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : precedes($0.2, $1.2, s) }
            order = pairs.map(\.2)
        case .name:
            order.sort { precedes($0, $1, s) }
        }
        return order
    }

    private mutating func refilter(from source: [Int32]) {
        guard !queryBytes.isEmpty else { visible = source; return }
        let q = queryBytes
        var out: [Int32] = []
        keyBytes.withUnsafeBufferPointer { hay in
            q.withUnsafeBufferPointer { needle in
                for idx in source {
                    let r = keyRanges[Int(idx)]
                    if Self.contains(hay, Int(r.x), Int(r.y), needle)
                        || Self.hasPrefix(hay, Int(r.y), Int(r.z), needle)
                        || Self.hasPrefix(hay, Int(r.z), Int(r.w), needle) {
                        out.append(idx)
                    }
                }
            }
        }
        visible = out
    }

    private static func hasPrefix(_ hay: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, _ n: UnsafeBufferPointer<UInt8>) -> Bool {
        guard to - from >= n.count else { return false }
        for k in 0..<n.count where hay[from + k] != n[k] { return false }
        return true
    }

    private static func contains(_ hay: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, _ n: UnsafeBufferPointer<UInt8>) -> Bool {
        let m = n.count
        guard to - from >= m else { return false }
        let first = n[0]
        var i = from
        while i <= to - m {
            if hay[i] == first {
                var k = 1
                while k < m, hay[i + k] == n[k] { k += 1 }
                if k == m { return true }
            }
            i += 1
        }
        return false
    }
}
