import Domain
import Foundation
import GRDB

/// The SQLite engine of ``PushDeskStore``: one file in WAL mode, accessed through GRDB. The embedded
/// default (an operator's own store, the demo store).
///
/// Every multi-row change is one transaction. Besides the contract it answers what only a file has:
/// its ``path``, ``integrityCheck()`` and the applied migrations.
public final class SQLiteStore: PushDeskStore {
    /// The database file.
    public let path: String
    public let changeOrigin: String
    let db: DatabasePool

    /// `$XDG_DATA_HOME/pushdesk/pushdesk.sqlite`, else `~/.local/share/pushdesk/pushdesk.sqlite`.
    public static var defaultPath: String {
        defaultPath(environment: ProcessInfo.processInfo.environment)
    }

    /// ``defaultPath`` for a given environment (testable).
    public static func defaultPath(environment: [String: String]) -> String {
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty, xdg.hasPrefix("/") {
            return xdg + "/pushdesk/pushdesk.sqlite"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/pushdesk/pushdesk.sqlite"
    }

    /// Opens (creating if needed) the store at `path`: folder created with mode 0700, file with 0600,
    /// WAL journal, migrations applied.
    ///
    /// - Parameters:
    ///   - busyTimeout: how long a write waits for a lock held by another process before failing.
    ///   - durableCommits: `synchronous=FULL` (a commit survives power loss) when true; `NORMAL`
    ///     (survives a process crash, not power loss) when false.
    public init(path: String, busyTimeout: TimeInterval = 5, durableCommits: Bool = true) throws {
        self.path = path
        let origin = ChangeOrigin.make()
        self.changeOrigin = origin
        try Self.prepareFile(at: path)
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        config.label = "pushdesk.store"
        let sync = durableCommits ? "FULL" : "NORMAL"
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(sync)")
            db.add(function: DatabaseFunction("pushdesk_origin", argumentCount: 0, pure: true) { _ in origin })
        }
        do {
            db = try DatabasePool(path: path, configuration: config)
            try SQLiteMigrations.migrator.migrate(db)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// Creates the folder (0700) and an empty file with mode 0600 before SQLite opens it, so the
    /// database, and the `-wal`/`-shm` files SQLite derives from its mode, are never world-readable.
    static func prepareFile(at path: String) throws {
        let fm = FileManager.default
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty, !fm.fileExists(atPath: dir) {
            do {
                try fm.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError.cannotOpen(path: path, reason: "cannot create folder \(dir): \(error.localizedDescription)")
            }
        }
        if !fm.fileExists(atPath: path) {
            let fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
            if fd < 0, errno != EEXIST {
                throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
            }
            if fd >= 0 { close(fd) }
        }
    }

    /// `PRAGMA integrity_check` answers `ok`.
    public func integrityCheck() -> Bool {
        (try? db.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }) == ["ok"]
    }

    /// Names of the applied migrations, oldest first.
    public func appliedMigrations() throws -> [String] {
        try db.read { db in try SQLiteMigrations.migrator.appliedMigrations(db) }
    }
}
