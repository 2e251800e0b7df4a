import Foundation

/// Who may read and write the store and the journal: the files' modes and group, and the
/// directory's (set-group-ID, so that files SQLite creates later get the group too).
enum FileChecks {
    static func findings(database: String, journal: String) -> [Finding] {
        var findings: [Finding] = []
        guard let storeInfo = info(database) else { return [] }  // the store check says it is missing
        let group = storeInfo.st_gid
        let groupName = getgrgid(group).map { String(cString: $0.pointee.gr_name) } ?? String(group)
        let directory = (database as NSString).deletingLastPathComponent
        if let dir = info(directory.isEmpty ? "." : directory) {
            let mode = dir.st_mode
            if mode & S_ISGID == 0 || mode & S_IWGRP == 0 || dir.st_gid != group {
                findings.append(Finding(level: .warn, subject: "directory", detail: "\(directory): \(describe(dir)); files made later may not get group \(groupName)",
                                        fix: "chgrp \(groupName) \(directory) && chmod 2770 \(directory)"))
            } else if mode & S_IRWXO != 0 {
                findings.append(Finding(level: .warn, subject: "directory", detail: "\(directory): \(describe(dir)): others may look in it",
                                        fix: "chmod o-rwx \(directory)"))
            } else {
                findings.append(.ok("directory", "\(directory): \(describe(dir))"))
            }
        }
        for (path, needed) in [(database, true), (database + "-wal", false), (database + "-shm", false), (journal, false)] {
            guard let file = info(path) else {
                if path.hasSuffix("-wal") || path.hasSuffix("-shm") {
                    findings.append(Finding(level: .warn, subject: "file", detail: "\(path) is missing: a wall whose user may only read the directory cannot open the store",
                                            fix: "let any Qanat writer open the store once (e.g. `qanat post ...`); Qanat's writers keep the file"))
                } else if !needed {
                    findings.append(Finding(level: .warn, subject: "file", detail: "\(path) does not exist yet", fix: "`qanat init` makes it"))
                }
                continue
            }
            if file.st_mode & S_IWOTH != 0 {
                findings.append(Finding(level: .fail, subject: "file", detail: "\(path): \(describe(file)): anyone on this host may write it",
                                        fix: "chmod 0660 \(path)"))
            } else if file.st_mode & S_IROTH != 0 {
                findings.append(Finding(level: .warn, subject: "file", detail: "\(path): \(describe(file)): anyone on this host may read it",
                                        fix: "chmod o-rwx \(path)"))
            } else if file.st_gid != group || file.st_mode & S_IWGRP == 0 {
                findings.append(Finding(level: .warn, subject: "file", detail: "\(path): \(describe(file)): other members of \(groupName) cannot write it",
                                        fix: "chgrp \(groupName) \(path) && chmod 0660 \(path)"))
            } else {
                findings.append(.ok("file", "\(path): \(describe(file))"))
            }
        }
        return findings
    }

    private static func info(_ path: String) -> stat? {
        var result = stat()
        return stat(path, &result) == 0 ? result : nil
    }

    /// `0660 root:qanat`.
    static func describe(_ file: stat) -> String {
        let owner = getpwuid(file.st_uid).map { String(cString: $0.pointee.pw_name) } ?? String(file.st_uid)
        let group = getgrgid(file.st_gid).map { String(cString: $0.pointee.gr_name) } ?? String(file.st_gid)
        return String(format: "%04o", file.st_mode & 0o7777) + " \(owner):\(group)"
    }
}
