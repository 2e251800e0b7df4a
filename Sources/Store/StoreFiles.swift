import Foundation
import QanatJournal

/// What lies beside a store: the members' `journals/` and, on a service store, `rejects/`.
public enum StoreFiles {
    public static func journals(beside store: String) -> String {
        URL(fileURLWithPath: store).deletingLastPathComponent().appendingPathComponent("journals").path
    }

    /// The service's own journal: the reports it rendered and recorded.
    public static func serviceJournal(beside store: String) -> String {
        URL(fileURLWithPath: store).deletingLastPathComponent().appendingPathComponent("service.jsonl").path
    }

    public static func rejects(beside store: String) -> String {
        URL(fileURLWithPath: store).deletingLastPathComponent().appendingPathComponent("rejects").path
    }
}

extension SQLiteStore {
    /// Where a journal's rejects go: beside it, except on a service store, whose service keeps the
    /// rejects of `journals/` in its own `rejects/` (members read them; none can plant one there).
    public func rejectsFile(for journal: String) -> RejectsFile {
        let directory = JournalIngest.canonical(URL(fileURLWithPath: journal).deletingLastPathComponent().path)
        guard directory == JournalIngest.canonical(StoreFiles.journals(beside: path)),
            (try? serviceOwner()) ?? nil != nil
        else {
            return RejectsFile(journalPath: journal)
        }
        let rejects = StoreFiles.rejects(beside: path)
        // Made by the service (the store's directory is its alone); set-group-ID, so members read it.
        if !FileManager.default.fileExists(atPath: rejects) { mkdir(rejects, 0o750) }
        return RejectsFile(journalPath: journal, directory: rejects)
    }
}
