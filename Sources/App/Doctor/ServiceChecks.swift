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
        findings.append(journalReaders(JournalPlace.directory(beside: database), owner: owner))
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

    /// Whether each journal is readable by its owner and the service alone (`JournalReaders`).
    private static func journalReaders(_ journals: String, owner: ServiceOwner) -> Finding {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: journals)) ?? []
        let open =
            [(journals, JournalReaders.defaultAttribute)]
            + names.sorted().filter { $0.hasSuffix(".jsonl") }.map {
                (journals + "/" + $0, JournalReaders.accessAttribute)
            }
        let readable = open.filter { !JournalReaders.restricted($0.0, service: owner.uid, attribute: $0.1) }.map(\.0)
        guard readable.isEmpty else {
            return Finding(
                level: .warn, subject: "journals",
                detail:
                    "\(readable.joined(separator: ", ")): members may read each other's lines before \(owner.user) "
                    + "applies them (and copy an event's id)",
                fix: "root runs `qanat init` again: it limits each journal's readers to its owner and the service")
        }
        return .ok("journals", "\(journals): each journal readable by its owner and \(owner.user) alone")
    }

    private static func finding(_ path: String, directory: Bool, owner: ServiceOwner) -> Finding {
        if !directory, let planted = FileChecks.notAPlainFile(path, subject: "file") {
            return planted
        }
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
