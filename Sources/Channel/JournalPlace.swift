import Foundation
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

    /// 3770 — set-group-ID and sticky, so no one removes or replaces another's journal — in the
    /// store's group.
    public static func seal(_ directory: String, group: gid_t) {
        chown(directory, uid_t.max, group)
        chmod(directory, 0o3770)
    }
}
