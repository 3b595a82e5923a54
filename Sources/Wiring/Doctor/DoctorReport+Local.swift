import Foundation
import Store

/// The checks of this machine's files: the store and the config file.
extension DoctorReport {
    static func store(_ s: StoreInspection, isDemo: Bool) -> DoctorCheck {
        let what = isDemo ? "the embedded demo store (a fresh one each run)" : "\(s.engine) store \(s.location)"
        let flag = "--store (or store = \"…\" in the config file)"
        switch s.state {
        case .current(let version, let latest):
            return DoctorCheck("store", .pass, "\(what) opens; schema v\(version) (\(latest)) is current")
        case .behind(let version, let pending):
            return DoctorCheck("store", .warn, "\(what) has schema v\(version); this build adds \(pending.joined(separator: ", ")), applied automatically when pushdesk next opens it",
                               fix: "nothing to do; to migrate now: `pushdesk users list --store '\(s.location)'`")
        case .ahead(let unknown):
            return DoctorCheck("store", .fail, "\(what) was written by a newer pushdesk (migrations this \(PushDeskVersion.current) does not know: \(unknown.joined(separator: ", ")))",
                               fix: "upgrade pushdesk to the version that wrote it, or point \(flag) at another store")
        case .missing(let creatable):
            if creatable {
                return DoctorCheck("store", .warn, "\(what) does not exist yet; the first start creates it" + (s.engine == "SQLite" ? " (mode 600)" : " (its tables, by migration)"),
                                   fix: "nothing to do for a new setup; if you expected data there, check \(flag)")
            }
            let dir = (s.location as NSString).deletingLastPathComponent
            return DoctorCheck("store", .fail, "\(what) does not exist, and this user cannot create it in \(dir)",
                               fix: "create the folder for this user (`mkdir -p '\(dir)'`) or point \(flag) at a writable place")
        case .isDirectory:
            return DoctorCheck("store", .fail, "\(what) is a folder, not a store file",
                               fix: "point \(flag) at a file, e.g. \((s.location as NSString).appendingPathComponent("pushdesk.sqlite"))")
        case .permissionDenied:
            return DoctorCheck("store", .fail, "\(what) cannot be read and written by this user",
                               fix: "as the file's owner: `chmod 600 '\(s.location)'` (and run pushdesk as that user), or point \(flag) elsewhere")
        case .notAStore(let reason):
            return DoctorCheck("store", .fail, "\(what) is not a PushDesk store (\(reason))",
                               fix: "point \(flag) at the right file, or move this one aside (`mv '\(s.location)' '\(s.location).bad'`): the next start creates a fresh store")
        case .unreachable(let reason):
            return DoctorCheck("store", .fail, "cannot open \(what): \(reason)", fix: "check \(flag)")
        }
    }

    static func configFile(_ c: ConfigFileFacts) -> DoctorCheck {
        guard c.exists else {
            if c.explicit {
                return DoctorCheck("config_file", .warn, "\(c.path) (given with --config) does not exist; settings come from the environment only",
                                   fix: "check the --config path")
            }
            return DoctorCheck("config_file", .pass, "no config file at \(c.path) (optional: settings come from the environment)")
        }
        let mode = c.mode.map { String($0 & 0o777, radix: 8) } ?? "?"
        if let m = c.mode, m & 0o077 != 0 {
            return DoctorCheck("config_file", .fail,
                               "\(c.path) holds the API secret but group/others can read it (mode \(mode)); pushdesk refuses to use it",
                               fix: "chmod 600 \(c.path)")
        }
        if let problem = c.problem {
            return DoctorCheck("config_file", .fail, "\(c.path) cannot be read: \(problem)",
                               fix: "correct that line; known keys: [xumm] api_key, api_secret, api_base; [webhook] host, port, path, public_url; store")
        }
        return DoctorCheck("config_file", .pass, "\(c.path), mode \(mode)")
    }
}
