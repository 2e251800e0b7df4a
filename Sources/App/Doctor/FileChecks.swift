import Foundation
import QanatChannel
import QanatCore
import QanatJournal
import QanatStore

/// Who may read and write the store and the journals: the files' modes and group, and the
/// directory's (set-group-ID, so that files SQLite creates later get the group too).
enum FileChecks {
    /// `journals`: this process's journal and every journal the store has a cursor for. A service
    /// store's own files are held to other modes (`ServiceChecks`).
    static func findings(database: String, journals: [String], service: ServiceOwner?) -> [Finding] {
        guard info(database) != nil else { return [] }  // the store check says it is missing
        let store = service.map { ServiceChecks.findings(database: database, owner: $0) } ?? storeFindings(database)
        var seen: Set<String> = []
        var findings: [Finding] = []
        for (index, journal) in journals.enumerated() where seen.insert(journal).inserted {
            findings.append(journalFinding(journal, own: index == 0))
            if let planted = rejectsFinding(journal) { findings.append(planted) }
        }
        return store + findings
    }

    /// `journals/USER.jsonl` made by someone else before USER's first write: USER writes beside it
    /// (`JournalPlace.own`), and its lines are its maker's; an admin may remove it.
    static func plantedAtYourName(in directory: String, yours: String) -> Finding? {
        let plain = JournalPlace.plain(in: directory, user: UnixUser.current)
        guard yours != plain, let found = info(plain), found.st_uid != geteuid() else { return nil }
        return Finding(
            level: .warn, subject: "journal",
            detail:
                "\(plain): made by \(UnixAccounts.userName(found.st_uid)) before your first write; your journal is "
                + "\(yours), and that file's lines are its maker's",
            fix: "an admin reads it, then removes it (`rm \(plain)`, as root)")
    }

    /// An embedded store's files: the group's to write (0660 in a 2770 directory), no one else's.
    private static func storeFindings(_ database: String) -> [Finding] {
        // Its group would be a planted link's target's, and every fix below would name it.
        if let planted = notAPlainFile(database, subject: "file") { return [planted] }
        var findings: [Finding] = []
        guard let storeInfo = info(database) else { return [] }
        let group = storeInfo.st_gid
        let groupName = getgrgid(group).map { String(cString: $0.pointee.gr_name) } ?? String(group)
        let directory = (database as NSString).deletingLastPathComponent
        if let dir = info(directory.isEmpty ? "." : directory) {
            let mode = dir.st_mode
            if mode & S_ISGID == 0 || mode & S_IWGRP == 0 || dir.st_gid != group {
                findings.append(
                    Finding(
                        level: .warn, subject: "directory",
                        detail: "\(directory): \(describe(dir)); files made later may not get group \(groupName)",
                        fix: "chgrp \(groupName) \(directory) && chmod 2770 \(directory)"))
            } else if mode & S_IRWXO != 0 {
                findings.append(
                    Finding(
                        level: .warn, subject: "directory",
                        detail: "\(directory): \(describe(dir)): others may look in it",
                        fix: "chmod o-rwx \(directory)"))
            } else {
                findings.append(.ok("directory", "\(directory): \(describe(dir))"))
            }
        }
        for path in [database, database + "-wal", database + "-shm"] {
            if path != database, let planted = notAPlainFile(path, subject: "file") {
                findings.append(planted)
                continue
            }
            guard let file = info(path) else {
                if path.hasSuffix("-wal") || path.hasSuffix("-shm") {
                    findings.append(
                        Finding(
                            level: .warn, subject: "file",
                            detail:
                                "\(path) is missing: a wall whose user may only read the directory cannot open the store",
                            fix:
                                "let any Qanat writer open the store once (e.g. `qanat post ...`); Qanat's writers keep the file"
                        ))
                }
                continue
            }
            if file.st_mode & S_IWOTH != 0 {
                findings.append(
                    Finding(
                        level: .fail, subject: "file",
                        detail: "\(path): \(describe(file)): anyone on this host may write it",
                        fix: "chmod 0660 \(path)"))
            } else if file.st_mode & S_IROTH != 0 {
                findings.append(
                    Finding(
                        level: .warn, subject: "file",
                        detail: "\(path): \(describe(file)): anyone on this host may read it",
                        fix: "chmod o-rwx \(path)"))
            } else if file.st_gid != group || file.st_mode & S_IWGRP == 0 {
                findings.append(
                    Finding(
                        level: .warn, subject: "file",
                        detail: "\(path): \(describe(file)): other members of \(groupName) cannot write it",
                        fix: "chgrp \(groupName) \(path) && chmod 0660 \(path)"))
            } else {
                findings.append(.ok("file", "\(path): \(describe(file))"))
            }
        }
        return findings
    }

    /// A file at a journal's rejects name that ingest would refuse to write (planted by another
    /// user, a link, a pipe) stops every ingest of that journal: named, with the fix.
    static func rejectsFinding(_ journal: String) -> Finding? {
        let path = RejectsFile(journalPath: journal).path
        var found = stat()
        guard lstat(path, &found) == 0, let problem = RejectsFile.distrust(found, journalPath: journal) else {
            return nil
        }
        return Finding(
            level: .fail, subject: "rejects", detail: "\(path): \(problem): ingest of \(journal) stops at it",
            fix: "rm \(path)")
    }

    /// The month a journal's name carries (`USER.2026-11.jsonl`, `USER.2026-11.HEX.jsonl`), if any.
    static func monthInName(_ path: String) -> Month? {
        (path as NSString).lastPathComponent.split(separator: ".").lazy.compactMap { Month(String($0)) }.first
    }

    /// A journal's lines are attributed to its owner only if no one else can write or replace it;
    /// the group reads it, so that whoever runs ingest can.
    static func journalFinding(_ path: String, own: Bool) -> Finding {
        if let planted = notAPlainFile(path, subject: "journal", followingLinks: true) { return planted }
        guard let ownership = JournalOwnership.at(path: path) else {
            // A past month's file is gone once its archive verified: `archive prune` removes it.
            if !own, let month = monthInName(path), month < Month(of: Clock.now()) {
                return Finding(
                    level: .ok, subject: "journal",
                    detail: "\(path): gone, a journal of \(month) (archived and pruned, as `qanat archive prune` does)",
                    fix: nil)
            }
            return own
                ? Finding(
                    level: .ok, subject: "journal",
                    detail: "\(path) does not exist yet: your first write makes it (0640)", fix: nil)
                : Finding(
                    level: .warn, subject: "journal",
                    detail: "\(path): ingest has a cursor for it, but it is gone (moved or deleted?)",
                    fix: "nothing, if it was rotated away and ingested whole")
        }
        let mode = JournalOwnership.describe(mode: ownership.mode, owner: ownership.ownerID, group: ownership.groupID)
        if own, ownership.ownerID != geteuid() {
            // Planted before this user's first write: their writes cannot be kept there.
            return Finding(
                level: .fail, subject: "journal",
                detail: "\(path): \(mode): your journal is \(ownership.owner)'s; your writes cannot be kept in it",
                fix: "an admin reads it (`qanat verify \(path)`), then removes it: sudo rm \(path)")
        }
        if let problem = ownership.problem {
            return Finding(
                level: .fail, subject: "journal", detail: "\(problem.detail): ingest refuses its lines",
                fix: problem.fix)
        }
        // `huda.2027-01.jsonl` made by another member before Huda's first write that month: her
        // writes then go beside it, and its lines, however they are signed, are its maker's.
        let namedFor = String((path as NSString).lastPathComponent.prefix { $0 != "." })
        if namedFor != ownership.owner, let named = getpwnam(namedFor), named.pointee.pw_uid != ownership.ownerID {
            return Finding(
                level: .warn, subject: "journal",
                detail:
                    "\(path): \(mode): named for \(namedFor) but made by \(ownership.owner); \(namedFor)'s writes go "
                    + "beside it, and its lines are \(ownership.owner)'s",
                fix: "an admin reads it (`qanat verify \(path)`), then removes it: sudo rm \(path)")
        }
        if ownership.mode & 0o004 != 0 {
            return Finding(
                level: .warn, subject: "journal", detail: "\(path): \(mode): anyone on this host may read it",
                fix: "chmod 0640 \(path)")
        }
        if ownership.mode & 0o040 == 0 {
            return Finding(
                level: .warn, subject: "journal",
                detail: "\(path): \(mode): the group cannot read it, so only \(ownership.owner) or root can ingest it",
                fix: "chmod 0640 \(path)")
        }
        return .ok("journal", "\(path): \(mode), lines attributed to \(ownership.owner)")
    }

    private static func info(_ path: String) -> stat? {
        var result = stat()
        return stat(path, &result) == 0 ? result : nil
    }

    /// A link or a pipe where Qanat keeps a plain file of its own: a member may plant one in a
    /// directory the group writes. No fix is given that would act on it: root running `chmod`
    /// through a link hands its target to the group. A journal may be reached through a link
    /// (`JournalOwnership` judges who made it): `followingLinks` looks at what it leads to.
    static func notAPlainFile(_ path: String, subject: String, followingLinks: Bool = false) -> Finding? {
        var found = stat()
        let status = followingLinks ? stat(path, &found) : lstat(path, &found)
        guard status == 0, found.st_mode & S_IFMT != S_IFREG else { return nil }
        let what = found.st_mode & S_IFMT == S_IFLNK ? "a link" : "not a plain file"
        return Finding(
            level: .fail, subject: subject,
            detail:
                "\(path) is \(what), made by \(UnixAccounts.userName(found.st_uid)), where Qanat keeps a plain file "
                + "of its own; doctor does not look through it",
            fix: "an admin sees what it is (`ls -l \(path)`), then removes it: sudo rm \(path)")
    }

    /// `0660 root:qanat`.
    static func describe(_ file: stat) -> String {
        JournalOwnership.describe(mode: file.st_mode, owner: file.st_uid, group: file.st_gid)
    }
}

/// The store's journals/ directory: only root's keeps one member from swapping another's journal.
enum JournalsDirectory {
    /// Its owner, when that is not root.
    static func nonRootOwner(_ directory: String) -> String? {
        var info = stat()
        guard stat(directory, &info) == 0, info.st_uid != 0 else { return nil }
        return UnixAccounts.userName(info.st_uid)
    }

    static func fix(_ directory: String) -> String { "sudo chown root \(directory) && sudo chmod 3770 \(directory)" }

    /// Fails while a store with other members keeps their journals in a directory one user owns.
    static func finding(_ directory: String, members: [String]) -> Finding? {
        guard let owner = nonRootOwner(directory) else { return nil }
        let others = Set(members).subtracting([owner])
        guard !others.isEmpty else {
            return .ok("journals", "\(directory) belongs to \(owner), the store's only user")
        }
        return Finding(
            level: .fail, subject: "journals",
            detail:
                "\(directory) belongs to \(owner), who could replace \(others.sorted().joined(separator: ", "))'s journals: ingest refuses them",
            fix: fix(directory))
    }
}
