#if canImport(Glibc)
    import Glibc
#endif

/// Who a journal's lines are attributed to: the Unix user who owns the file, the one identity the
/// operating system vouches for — provided no one else can write the file or swap it for another.
public struct JournalOwnership: Equatable, Sendable {
    public var path: String
    public var ownerID: uid_t
    public var groupID: gid_t
    public var mode: mode_t
    public var directory: String
    public var directoryOwnerID: uid_t
    public var directoryGroupID: gid_t
    public var directoryMode: mode_t
    /// A symbolic link on the way to the file that someone besides its owner (or root) made: they,
    /// not the owner, chose which file is read.
    public var foreignLink: ForeignLink?

    public struct ForeignLink: Equatable, Sendable {
        public var path: String
        public var ownerID: uid_t
    }

    /// The owner's user name (their number when the system has no name for it).
    public var owner: String { UnixAccounts.userName(ownerID) }

    /// Why the lines cannot be attributed to the owner, with the fix; nil when they can.
    public var problem: AttributionProblem? {
        if let link = foreignLink {
            return AttributionProblem(
                detail: "\(link.path) is a link that \(UnixAccounts.userName(link.ownerID)) made to \(owner)'s file",
                fix: "ingest the file itself, \(path), or have \(owner) make the link")
        }
        if mode & 0o022 != 0 {
            return AttributionProblem(
                detail:
                    "\(path) is \(Self.describe(mode: mode, owner: ownerID, group: groupID)): others besides its owner can write it",
                fix: "chmod 0640 \(path)")
        }
        if directoryOwnerID != 0, directoryOwnerID != ownerID {
            return AttributionProblem(
                detail:
                    "\(directory) belongs to \(UnixAccounts.userName(directoryOwnerID)), who can replace \(owner)'s journal in it",
                fix:
                    "move the journal into the store's journals/ directory (mode 3770), or a directory of \(owner)'s own"
            )
        }
        if directoryMode & 0o022 != 0, directoryMode & S_ISVTX == 0 {
            return AttributionProblem(
                detail:
                    "\(directory) is \(Self.describe(mode: directoryMode, owner: directoryOwnerID, group: directoryGroupID)): "
                    + "anyone who may write there can replace \(owner)'s journal",
                fix:
                    "chmod +t \(directory) (sticky: no one removes or replaces another's file; the journals/ directory is 3770)"
            )
        }
        return nil
    }

    /// The file at `path` now (following links, which it checks), or nil when there is none.
    public static func at(path: String) -> JournalOwnership? {
        var file = stat()
        guard stat(path, &file) == 0, let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return JournalOwnership(path: String(cString: real), file: file)?.checkingLinks(along: path)
    }

    /// With the first link along `given` (the path as typed, before links were resolved) that
    /// neither the file's owner nor root made.
    public func checkingLinks(along given: String) -> JournalOwnership {
        var checked = self
        var prefix = given.hasPrefix("/") ? "" : Self.workingDirectory
        for component in given.split(separator: "/") {
            prefix += "/" + component
            var info = stat()
            guard lstat(prefix, &info) == 0 else { break }
            if info.st_mode & S_IFMT == S_IFLNK, info.st_uid != 0, info.st_uid != ownerID {
                checked.foreignLink = ForeignLink(path: prefix, ownerID: info.st_uid)
                break
            }
        }
        return checked
    }

    init?(path: String, file: stat) {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        var folder = stat()
        guard stat(directory, &folder) == 0 else { return nil }
        self.path = path
        ownerID = file.st_uid
        groupID = file.st_gid
        mode = file.st_mode & 0o7777
        self.directory = directory
        directoryOwnerID = folder.st_uid
        directoryGroupID = folder.st_gid
        directoryMode = folder.st_mode & 0o7777
        foreignLink = nil
    }

    private static var workingDirectory: String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        return getcwd(&buffer, buffer.count) != nil ? String(cString: buffer) : ""
    }

    /// `0640 alice:qanat`.
    public static func describe(mode: mode_t, owner: uid_t, group: gid_t) -> String {
        let octal = String(mode & 0o7777, radix: 8)
        return String(repeating: "0", count: max(0, 4 - octal.count)) + octal
            + " \(UnixAccounts.userName(owner)):\(UnixAccounts.groupName(group))"
    }
}

/// Why a journal's lines cannot be attributed to its owner, and what fixes it.
public struct AttributionProblem: Equatable, Sendable, CustomStringConvertible {
    public var detail: String
    public var fix: String

    public var description: String { "\(detail): its lines cannot be attributed to its owner (fix: \(fix))" }
}

/// Names of Unix users and groups, as the system knows them.
public enum UnixAccounts {
    public static func userName(_ id: uid_t) -> String {
        getpwuid(id).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? String(id)
    }

    public static func groupName(_ id: gid_t) -> String {
        getgrgid(id).flatMap { $0.pointee.gr_name.map { String(cString: $0) } } ?? String(id)
    }
}
