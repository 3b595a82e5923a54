import Domain
import Foundation

/// Writes users as `users export` does: JSON (``ExportedUser``) or CSV with a header row.
public enum UserFileWriter {
    /// The bytes of an export of `users`, in the order given.
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
