import Foundation
import QanatChannel
import QanatJournal
import QanatStore

/// Passes of ingest over journals as they grow, for `follow` and the service: what each pass
/// found is told as it happens, and a journal's failure (a busy store, a vanished file, a journal
/// refused whole until an admin fixes its mode) is told once, not every pass.
public struct JournalFollower {
    public let store: SQLiteStore
    public private(set) var totals = IngestReport()
    private var failing: [String: String] = [:]

    public init(store: SQLiteStore) { self.store = store }

    public mutating func ingest(
        _ file: String, passed: (String, IngestReport) -> Void, failed: (String, String) -> Void
    ) {
        guard JournalScanner.identity(at: file) != nil else { return }
        do {
            let report = try JournalIngest(store: store, journalPath: file).run(now: Clock.now)
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
