import Domain
import Foundation

/// `users import` / `users export`, for every engine alike: the file formats are pure
/// (``UserFileReader``, ``UserFileWriter``); the store only merges or lists users.
extension PushDeskStore {
    /// Imports users from a JSON or CSV file (by extension, else by content) in one transaction:
    /// either every usable row is merged, or (on an unreadable file or a failed commit) nothing is.
    public func importUsers(from url: URL, at now: Date = Date()) async throws -> ImportReport {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw StoreError.unreadableImport("cannot read \(url.path): \(error.localizedDescription)")
        }
        return try await importUsers(data: data, format: UserFileFormat(path: url.path) ?? UserFileFormat(sniffing: data), at: now)
    }

    /// Imports users from in-memory file contents (see ``importUsers(from:at:)``).
    public func importUsers(data: Data, format: UserFileFormat, at now: Date = Date()) async throws -> ImportReport {
        var report = ImportReport()
        var users: [KnownUser] = []
        for row in try UserFileReader.read(data, format: format) {
            switch row {
            case .failure(let e): report.skipped.append(e.description)
            case .success(let user): users.append(user)
            }
        }
        for outcome in try await upsertUsers(users, at: now) {
            switch outcome {
            case .inserted: report.added += 1
            case .updated: report.updated += 1
            case .unchanged: report.unchanged += 1
            }
        }
        return report
    }

    /// Writes every user, least time left first, to a file (mode 0600, replaced atomically), JSON or
    /// CSV by extension unless given.
    /// - Returns: the number of users written.
    @discardableResult
    public func exportUsers(to url: URL, format: UserFileFormat? = nil, now: Date = Date()) async throws -> Int {
        guard let format = format ?? UserFileFormat(path: url.path) else {
            throw StoreError.unsupportedFormat((url.path as NSString).pathExtension)
        }
        let users = try await allUsers().sortedByTimeLeft(now: now)
        try UserFileWriter.render(users, format: format, now: now).write(to: url, options: .atomic)
        _ = chmod(url.path, 0o600)
        return users.count
    }
}
