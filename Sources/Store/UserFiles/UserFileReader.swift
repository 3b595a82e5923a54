import Domain
import Foundation

/// Reads users from an import file. JSON: an array of objects, or `{"users": [...]}`; CSV: a header
/// row. Recognised fields (snake or camel case): `user_token` (required; also `token`), `account`,
/// `name`, `token_issued`, `token_expiration`, `last_signed` — dates as unix seconds or ISO 8601.
/// Other fields (e.g. `state` from an export) are ignored.
public enum UserFileReader {
    /// One entry per data row: the user, or why the row is unusable.
    public static func read(_ data: Data, format: UserFileFormat) throws -> [Result<KnownUser, RowError>] {
        switch format {
        case .json: return try readJSON(data)
        case .csv: return try readCSV(data)
        }
    }

    /// A row that cannot be imported.
    public struct RowError: Error, Sendable, Equatable, CustomStringConvertible {
        public var row: Int
        public var reason: String
        public var description: String { "row \(row): \(reason)" }
    }

    static func readJSON(_ data: Data) throws -> [Result<KnownUser, RowError>] {
        let top: Any
        do { top = try JSONSerialization.jsonObject(with: data) } catch {
            throw StoreError.unreadableImport("not valid JSON")
        }
        let list: [Any]
        if let a = top as? [Any] { list = a }
        else if let o = top as? [String: Any], let a = o["users"] as? [Any] { list = a }
        else { throw StoreError.unreadableImport("JSON must be an array of users or {\"users\": [...]}") }
        return list.enumerated().map { i, item in
            guard let o = item as? [String: Any] else { return .failure(RowError(row: i + 1, reason: "not an object")) }
            var fields: [String: String] = [:]
            for (k, v) in o {
                switch v {
                case let s as String: fields[normalise(k)] = s
                case let n as NSNumber: fields[normalise(k)] = n.stringValue
                default: continue
                }
            }
            return user(fields, row: i + 1)
        }
    }

    static func readCSV(_ data: Data) throws -> [Result<KnownUser, RowError>] {
        guard let text = String(data: stripBOM(data), encoding: .utf8) else {
            throw StoreError.unreadableImport("CSV is not UTF-8")
        }
        let rows = try CSV.parse(text)
        guard let header = rows.first?.map(normalise) else { return [] }
        guard header.contains("usertoken") || header.contains("token") else {
            throw StoreError.unreadableImport("CSV header has no user_token column")
        }
        return rows.dropFirst().enumerated().compactMap { i, cells in
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { return nil } // blank line
            var fields: [String: String] = [:]
            for (j, name) in header.enumerated() where j < cells.count { fields[name] = cells[j] }
            return user(fields, row: i + 2)
        }
    }

    /// Drops a leading UTF-8 byte order mark (spreadsheets write one).
    static func stripBOM(_ data: Data) -> Data { data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data }

    static func normalise(_ key: String) -> String {
        key.lowercased().filter { $0.isLetter || $0.isNumber }
    }

    static func user(_ f: [String: String], row: Int) -> Result<KnownUser, RowError> {
        func text(_ k: String) -> String? {
            guard let v = f[k]?.trimmingCharacters(in: .whitespacesAndNewlines), !v.isEmpty, v != "null" else { return nil }
            return v
        }
        guard let token = text("usertoken") ?? text("token") else { return .failure(RowError(row: row, reason: "missing user_token")) }
        guard token.count <= 128, !token.contains(where: { $0.isWhitespace }) else {
            return .failure(RowError(row: row, reason: "malformed user_token"))
        }
        var dates: [String: Date] = [:]
        for key in ["tokenissued", "tokenexpiration", "lastsigned"] {
            guard let raw = text(key) else { continue }
            guard let d = PlatformDate.parse(raw) else { return .failure(RowError(row: row, reason: "unreadable date in \(key): \(raw)")) }
            dates[key] = d
        }
        return .success(KnownUser(userToken: token, name: text("name"), account: text("account"),
                                  tokenIssued: dates["tokenissued"], tokenExpiration: dates["tokenexpiration"],
                                  lastSigned: dates["lastsigned"], source: .import))
    }
}

