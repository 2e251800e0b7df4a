import Foundation
import QanatChannel
import QanatJournal
import QanatStore

/// Passes of ingest over journals as they grow, for `follow` and the service: what each pass
/// found is told as it happens, and a journal's failure (a busy store, a vanished file, a journal
/// refused whole until an admin fixes its mode) is told once, not every pass.
public struct JournalFollower {
    public let store: SQLiteStore
    /// The service's desk sessions, proving sealed lines; nil for `follow`.
    public let sessions: (any DeskSessions)?
    public private(set) var totals = IngestReport()
    private var failing: [String: String] = [:]

    public init(store: SQLiteStore, sessions: (any DeskSessions)? = nil) {
        self.store = store
        self.sessions = sessions
    }

    public mutating func ingest(
        _ file: String, passed: (String, IngestReport) -> Void, failed: (String, String) -> Void
    ) {
        guard JournalScanner.identity(at: file) != nil else { return }
        do {
            var ingest = JournalIngest(store: store, journalPath: file)
            ingest.sessions = sessions
            let report = try ingest.run(now: Clock.now)
            failing[file] = nil
            totals.add(report)
            passed(file, report)
        } catch {
            let text = "\(error)"
            if failing[file] != text { failed(file, text) }
            failing[file] = text
        }
    }
}
