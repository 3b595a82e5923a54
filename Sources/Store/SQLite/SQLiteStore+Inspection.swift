import Foundation
import GRDB

extension SQLiteStore {
    /// Looks at the store file at `path` read-only: nothing is created, migrated or written (SQLite
    /// may create the `-shm` file a WAL database needs to be read, with the database's own mode).
    public static func inspect(path: String) -> StoreInspection {
        StoreInspection(engine: "SQLite", location: path, state: inspectState(path: path))
    }

    private static func inspectState(path: String) -> StoreInspection.State {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .missing(creatable: canCreate(path))
        }
        if isDirectory.boolValue { return .isDirectory }
        if access(path, R_OK | W_OK) != 0 { return .permissionDenied }
        var config = Configuration()
        config.readonly = true
        config.label = "pushdesk.store.inspect"
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            return try queue.read { db in
                // Reads the schema, so a file that is not a database fails here, not later.
                _ = try db.tableExists("grdb_migrations")
                let migrator = SQLiteMigrations.migrator
                let known = migrator.migrations
                let applied = try migrator.appliedIdentifiers(db)
                let unknown = applied.subtracting(known).sorted()
                if !unknown.isEmpty { return .ahead(unknown: unknown) }
                let pending = known.filter { !applied.contains($0) }
                if pending.isEmpty { return .current(version: known.count, latest: known.last ?? "") }
                return .behind(version: applied.count, pending: pending)
            }
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .notAStore(reason: error.message ?? "\(error.resultCode)")
            case .SQLITE_PERM, .SQLITE_AUTH, .SQLITE_READONLY: return .permissionDenied
            default: return .unreachable(reason: error.message ?? "\(error)")
            }
        } catch {
            return .unreachable(reason: "\(error)")
        }
    }

    /// Whether opening `path` could create it: the nearest existing folder above it is writable.
    private static func canCreate(_ path: String) -> Bool {
        var dir = (path as NSString).deletingLastPathComponent
        let fm = FileManager.default
        while !dir.isEmpty, !fm.fileExists(atPath: dir) {
            let parent = (dir as NSString).deletingLastPathComponent
            if parent == dir { break }
            dir = parent
        }
        if dir.isEmpty { dir = "." }
        var isDirectory: ObjCBool = false
        return fm.fileExists(atPath: dir, isDirectory: &isDirectory) && isDirectory.boolValue && access(dir, W_OK | X_OK) == 0
    }
}
