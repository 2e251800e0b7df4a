import Foundation
import QanatJournal
import QanatStore

/// What `init --service USER` settles before it makes or converts a store: the service's user and
/// the members' group, and that the service may write rejects beside the members' journals.
struct ServiceSetup {
    let owner: ServiceOwner
    let group: gid_t

    /// Throws a usage error naming what is wrong and how to fix it; nothing is changed before.
    /// Without `group`, the members' group is `current` (a store's, when init repairs it), else
    /// the service user's own.
    init(user: String, group: String?, current: gid_t? = nil) throws(CLIError) {
        guard let entry = getpwnam(user) else {
            throw .usage("--service: no Unix user '\(user)' (make it first, e.g. `useradd --system qanat`)")
        }
        let uid = entry.pointee.pw_uid
        let primary = entry.pointee.pw_gid
        guard geteuid() == 0 || geteuid() == uid else {
            throw .usage("--service: run by root (or by \(user)): the store's files are given to \(user)")
        }
        guard uid != 0 else { throw .usage("--service: the service runs as a user of its own, not root") }
        owner = ServiceOwner(user: user, uid: uid)
        if let group {
            guard let found = getgrnam(group) else { throw .usage("--group: no Unix group '\(group)'") }
            self.group = found.pointee.gr_gid
        } else {
            self.group = current ?? primary
        }
        // The service writes rejects files into journals/ (3770, the group's): it must be in the group.
        guard Self.isMember(user, primary: primary, of: self.group) else {
            let name = UnixAccounts.groupName(self.group)
            throw .usage(
                "--service: \(user) is not in the group \(name): `usermod -aG \(name) \(user)`, then run init again")
        }
    }

    private static func isMember(_ user: String, primary: gid_t, of group: gid_t) -> Bool {
        var count: Int32 = 64
        var groups = [gid_t](repeating: 0, count: Int(count))
        guard getgrouplist(user, primary, &groups, &count) >= 0 else { return false }
        return groups.prefix(Int(count)).contains(group)
    }

    /// The first directory above the store's whose owner is neither root nor the service, or that
    /// others may write without the sticky bit: whoever controls it could move the store's directory
    /// aside and put one of their own in its place (as sshd's StrictModes asks of a home).
    func unsafeAncestor(of store: String) -> String? {
        var directory = URL(fileURLWithPath: store).deletingLastPathComponent().deletingLastPathComponent()
            .standardizedFileURL.path
        while true {
            var info = stat()
            if stat(directory, &info) == 0 {
                if info.st_uid != 0, info.st_uid != owner.uid {
                    return "\(directory) belongs to \(UnixAccounts.userName(info.st_uid))"
                }
                if info.st_mode & 0o022 != 0, info.st_mode & S_ISVTX == 0 {
                    return "\(directory) is \(FileChecks.describe(info)): others may write it"
                }
            }
            guard directory != "/" else { return nil }
            directory = (directory as NSString).deletingLastPathComponent
        }
    }

    /// The store's directory and files the service's alone to write, the group's to read: 2750 and
    /// 0640. No member may rename, replace or change the store, whatever SQLite would allow them.
    func seal(store path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        chown(directory, owner.uid, group)
        chmod(directory, 0o2750)
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            chown(file, owner.uid, group)
            chmod(file, 0o640)
        }
    }
}
