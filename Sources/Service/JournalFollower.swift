import Foundation
import QanatChannel
import QanatCore
import QanatJournal
import QanatStore

/// Passes of ingest over journals as they grow, for `follow` and the service: what each pass
/// found is told as it happens, and a journal's failure (a busy store, a vanished file, a journal
/// refused whole until an admin fixes its mode) is told once, not every pass.
public struct JournalFollower {
    public let store: SQLiteStore
    /// The service's desk sessions, proving sealed lines; nil for `follow`.
    public let sessions: (any DeskSessions)?
    /// Whether this follower is the store's only writer (the service): then the members and the
    /// rejects' places it read stay true until one of its own passes changes the members.
    public let onlyWriter: Bool
    public private(set) var totals = IngestReport()
    private var failing: [String: String] = [:]
    private var members: [Member]?
    private var serviceOwned: Bool?
    private var rejects: [String: RejectsFile] = [:]
    /// The ids of the events the runs since `takeStored` stored (the only writer collects them).
    private var stored: [String] = []

    public init(store: SQLiteStore, sessions: (any DeskSessions)? = nil, onlyWriter: Bool = false) {
        self.store = store
        self.sessions = sessions
        self.onlyWriter = onlyWriter
    }

    /// Returns whether the journal has more to read than this run took (`IngestReport.more`).
    @discardableResult
    public mutating func ingest(
        _ file: String, passed: (String, IngestReport) -> Void, failed: (String, String) -> Void
    ) -> Bool {
        guard JournalScanner.identity(at: file) != nil else { return false }
        do {
            var ingest = JournalIngest(store: store, journalPath: file)
            ingest.sessions = sessions
            ingest.facts = try facts(for: file)
            // The only writer applies a pass in one transaction: a batch a journal, the rest next pass.
            if onlyWriter {
                ingest.batchLimit = 1
                ingest.collectsStored = true
            }
            let report = try ingest.run(now: Clock.now)
            if report.membersChanged { members = nil }
            stored += report.stored
            failing[file] = nil
            totals.add(report)
            passed(file, report)
            return report.more
        } catch {
            // A failure may leave the members changed (a batch applied before it): read them again.
            members = nil
            let text = "\(error)"
            if failing[file] != text { failed(file, text) }
            failing[file] = text
            return false
        }
    }

    /// What was read of the store, to be read again: a pass that did not commit took it back.
    public mutating func forget() {
        members = nil
        serviceOwned = nil
        stored = []
    }

    /// The ids stored since the last call (the pass that stored them has committed).
    public mutating func takeStored() -> [String] {
        defer { stored = [] }
        return stored
    }

    /// The store's members and the journal's rejects, read once while this is the only writer.
    private mutating func facts(for file: String) throws(StoreError) -> JournalIngest.StoreFacts? {
        guard onlyWriter else { return nil }
        let known: [Member]
        if let members { known = members } else { known = try store.members() }
        members = known
        let owned: Bool
        if let serviceOwned { owned = serviceOwned } else { owned = try store.serviceOwner() != nil }
        serviceOwned = owned
        let place = rejects[file] ?? store.rejectsFile(for: file)
        rejects[file] = place
        return JournalIngest.StoreFacts(members: known, serviceOwned: owned, rejects: place)
    }
}
