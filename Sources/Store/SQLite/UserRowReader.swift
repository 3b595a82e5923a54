import Domain
import Foundation
import GRDB
import GRDBSQLite

/// Decodes rows of `SELECT SQLiteStore.userColumns` straight from the SQLite statement, column by
/// index, with the same conversions as GRDB's `Row` (text via C string, REAL dates, INTEGER bools).
/// Loading 100,000 users this way skips a `Row` and a generic decode per column.
enum UserRowReader {
    /// Every row of `statement` (which must select ``SQLiteStore/userColumns``), in order.
    static func all(_ statement: Statement, capacity: Int = 0) throws -> [KnownUser] {
        var users: [KnownUser] = []
        users.reserveCapacity(capacity)
        let cursor = try Row.fetchCursor(statement)
        while try cursor.next() != nil { users.append(user(statement.sqliteStatement)) }
        return users
    }

    /// The first row of `statement` (same columns), if any.
    static func first(_ statement: Statement) throws -> KnownUser? {
        let cursor = try Row.fetchCursor(statement)
        return try cursor.next() != nil ? user(statement.sqliteStatement) : nil
    }

    /// The user on the current row of `s`.
    static func user(_ s: SQLiteStatement) -> KnownUser {
        KnownUser(
            userToken: text(s, 0) ?? "", name: text(s, 1), account: text(s, 2),
            tokenIssued: date(s, 3), tokenExpiration: date(s, 4), lastSigned: date(s, 5),
            source: text(s, 6).flatMap(UserSource.init(rawValue:)) ?? .manual,
            verifiedActive: isNull(s, 7) ? nil : sqlite3_column_int64(s, 7) != 0,
            verifiedAt: date(s, 8), pushCount: Int(sqlite3_column_int64(s, 9)))
    }

    private static func isNull(_ s: SQLiteStatement, _ i: Int32) -> Bool { sqlite3_column_type(s, i) == SQLITE_NULL }

    private static func text(_ s: SQLiteStatement, _ i: Int32) -> String? {
        guard let p = sqlite3_column_text(s, i) else { return nil }
        return String(cString: p)
    }

    private static func date(_ s: SQLiteStatement, _ i: Int32) -> Date? {
        isNull(s, i) ? nil : Date(timeIntervalSince1970: sqlite3_column_double(s, i))
    }
}
