import Foundation
import QanatCore
import QanatStore

/// Where a writer's journal lies by default: `journals/` beside the store, one file per Unix user,
/// which its owner alone writes (0640), so its lines are attributed to them at ingest.
public enum JournalPlace {
    public static func directory(beside store: String) -> String { StoreFiles.journals(beside: store) }

    /// Makes the journal's directory when it is the store's `journals/` and missing (a store made
    /// before there was one). Anything else is left to whoever chose the path.
    public static func prepare(journal: String, store: String) {
        let directory = URL(fileURLWithPath: journal).deletingLastPathComponent().path
        guard directory == Self.directory(beside: store), !FileManager.default.fileExists(atPath: directory) else {
            return
        }
        var info = stat()
        guard stat(store, &info) == 0, mkdir(directory, 0o700) == 0 else { return }
        seal(directory, group: info.st_gid)
    }

    /// `user`'s journal in `directory` for `month`: `USER.YYYY-MM.jsonl` — a new file each month, so
    /// an old one is archived and removed whole, never cut in place — or `USER.YYYY-MM.*.jsonl` when
    /// that name was taken first, or the name their first write makes. `journals/` lets any member
    /// make any name, so another member may plant `USER.2026-12.jsonl` before USER's first write that
    /// month: it is theirs (ingest attributes a journal to its owner), and USER writes beside it under
    /// a name no one could guess, which they alone own from then on.
    public static func own(
        in directory: String, user: String, uid: uid_t = geteuid(), month: Month = Month(of: Clock.now())
    )
        -> String
    {
        let stem = "\(user).\(month)."
        let plain = (plain(in: directory, user: user, month: month) as NSString).lastPathComponent
        func owned(_ name: String) -> Bool {
            var info = stat()
            return lstat(directory + "/" + name, &info) == 0 && info.st_mode & S_IFMT == S_IFREG && info.st_uid == uid
        }
        var info = stat()
        guard lstat(directory + "/" + plain, &info) == 0, !owned(plain) else { return directory + "/" + plain }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        if let mine = names.sorted().first(where: { $0.hasPrefix(stem) && $0.hasSuffix(".jsonl") && owned($0) }) {
            return directory + "/" + mine
        }
        return Unguessed.name(in: directory, stem: stem)
    }

    /// The name `user`'s writers give their journal of `month` first: `USER.YYYY-MM.jsonl`.
    public static func plain(in directory: String, user: String, month: Month = Month(of: Clock.now())) -> String {
        directory + "/\(user).\(month).jsonl"
    }

    /// One unguessable name a process, so that every use of it before the first write agrees.
    private enum Unguessed {
        static let lock = NSLock()
        nonisolated(unsafe) static var names: [String: String] = [:]

        static func name(in directory: String, stem: String) -> String {
            lock.lock()
            defer { lock.unlock() }
            let key = directory + "/" + stem
            if let known = names[key] { return known }
            var random = SystemRandomNumberGenerator()
            let suffix = String(random.next() & 0xFFFF_FFFF_FFFF, radix: 16)
            let name = directory + "/\(stem)\(suffix).jsonl"
            names[key] = name
            return name
        }
    }

    /// 3770 — set-group-ID and sticky, so no one removes or replaces another's journal — in the
    /// store's group.
    public static func seal(_ directory: String, group: gid_t) {
        chown(directory, uid_t.max, group)
        chmod(directory, 0o3770)
    }
}

/// Where a writer appends: one file, or the user's file of the month in a store's `journals/`,
/// which a desk open across the month's end follows to the new month's file.
public enum JournalTarget: Sendable, Equatable {
    case file(String)
    case monthly(directory: String, user: String)

    public var path: String {
        switch self {
        case .file(let path): path
        case .monthly(let directory, let user): JournalPlace.own(in: directory, user: user)
        }
    }
}
