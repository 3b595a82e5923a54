import Domain
import Foundation
import GRDB

extension PushDeskStore {
    /// Imports users from a JSON or CSV file (by extension, else by content) in one transaction:
    /// either every usable row is merged, or (on an unreadable file or a failed commit) nothing is.
    public func importUsers(from url: URL, at now: Date = Date()) throws -> ImportReport {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw StoreError.unreadableImport("cannot read \(url.path): \(error.localizedDescription)")
        }
        let format = UserFileFormat(path: url.path) ?? (data.first(where: { !$0.isASCIIWhitespace }).map { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "{") } == true ? .json : .csv)
        return try importUsers(data: data, format: format, at: now)
    }

    /// Imports users from in-memory file contents (see ``importUsers(from:at:)``).
    public func importUsers(data: Data, format: UserFileFormat, at now: Date = Date()) throws -> ImportReport {
        let rows = try UserFileReader.read(data, format: format)
        return try db.write { db in
            var report = ImportReport()
            for row in rows {
                switch row {
                case .failure(let e): report.skipped.append(e.description)
                case .success(let user):
                    switch try Self.upsert(db, user, now: now) {
                    case .inserted: report.added += 1
                    case .updated: report.updated += 1
                    case .unchanged: report.unchanged += 1
                    }
                }
            }
            return report
        }
    }

    /// Writes every user to a file (mode 0600, replaced atomically), JSON or CSV by extension unless given.
    /// - Returns: the number of users written.
    @discardableResult
    public func exportUsers(to url: URL, format: UserFileFormat? = nil, now: Date = Date()) throws -> Int {
        guard let format = format ?? UserFileFormat(path: url.path) else {
            throw StoreError.unsupportedFormat((url.path as NSString).pathExtension)
        }
        let users = try allUsers().sortedByTimeLeft(now: now)
        let data = try Self.render(users, format: format, now: now)
        try data.write(to: url, options: .atomic)
        _ = chmod(url.path, 0o600)
        return users.count
    }

    /// The bytes ``exportUsers(to:format:now:)`` writes.
    public static func render(_ users: [KnownUser], format: UserFileFormat, now: Date) throws -> Data {
        switch format {
        case .json: return try ExportedUser.json(users, now: now)
        case .csv:
            let header = "user_token,account,name,token_issued,token_expiration,last_signed,expires_at,state,source,push_count"
            var lines = [header]
            for u in users {
                let e = ExportedUser(u, now: now)
                lines.append([e.userToken, e.account ?? "", e.name ?? "", e.tokenIssued ?? "", e.tokenExpiration ?? "",
                              e.lastSigned ?? "", e.expiresAt ?? "", e.state, e.source, String(e.pushCount)].map(CSV.escape).joined(separator: ","))
            }
            return Data((lines.joined(separator: "\n") + "\n").utf8)
        }
    }
}

extension UInt8 {
    fileprivate var isASCIIWhitespace: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D }
}
