import Foundation
import QanatChannel
import QanatJournal
import QanatStore

/// A service store's files: the store, its WAL files and its directory writable by the service's
/// user alone and readable by the group, and whether the service answers on its socket.
enum ServiceChecks {
    static func findings(database: String, owner: ServiceOwner) -> [Finding] {
        var findings: [Finding] = []
        let directory = (database as NSString).deletingLastPathComponent
        for (path, isDirectory) in [(directory.isEmpty ? "." : directory, true)]
            + [database, database + "-wal", database + "-shm"].map({ ($0, false) })
        {
            findings.append(finding(path, directory: isDirectory, owner: owner))
        }
        do {
            _ = try ServiceClient(store: database, owner: owner).ask(.hello)
            findings.append(.ok("service", "\(owner.user) answers on \(ServiceOwner.socketPath(beside: database))"))
        } catch {
            findings.append(
                Finding(
                    level: .warn, subject: "service",
                    detail: "\(error): writes wait in their journals until it runs",
                    fix: "run `qanat serve --db \(database)` as \(owner.user)"))
        }
        return findings
    }

    private static func finding(_ path: String, directory: Bool, owner: ServiceOwner) -> Finding {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return Finding(
                level: .fail, subject: "file", detail: "\(path) is missing: members cannot open the store read-only",
                fix: "run `qanat serve` once as \(owner.user); it keeps the WAL files")
        }
        let mode = FileChecks.describe(info)
        let want = directory ? "2750" : "0640"
        let fix = "chown \(owner.user) \(path) && chmod \(want) \(path)"
        let subject = directory ? "directory" : "file"
        if info.st_uid != owner.uid || info.st_mode & 0o022 != 0 {
            let who =
                info.st_uid != owner.uid
                ? "\(UnixAccounts.userName(info.st_uid)) owns it"
                : info.st_mode & 0o002 != 0 ? "anyone may write it" : "members of its group may write it"
            let what = directory ? "rename or replace the store" : "change records behind the service"
            return Finding(
                level: .fail, subject: subject,
                detail: "\(path): \(mode): \(who), and could \(what); only \(owner.user) should write it", fix: fix)
        }
        if info.st_mode & 0o040 == 0 || (directory && info.st_mode & 0o010 == 0) {
            return Finding(
                level: .warn, subject: subject, detail: "\(path): \(mode): members of its group cannot read it",
                fix: "chmod \(want) \(path)")
        }
        if info.st_mode & 0o007 != 0 {
            return Finding(
                level: .warn, subject: subject, detail: "\(path): \(mode): anyone on this host may read it",
                fix: "chmod o-rwx \(path)")
        }
        return .ok(subject, "\(path): \(mode), written by \(owner.user) alone")
    }
}
