import QanatCore
import QanatJournal

/// What retrying a journal's rejected lines did.
public struct RetryReport: Equatable, Sendable {
    /// Distinct rejected lines looked at again.
    public var retried = 0
    public var applied = 0
    public var alreadyPresent = 0
    /// Lines still not taken, with today's reason.
    public var stillRefused: [StillRefused] = []
    /// Rejects entries that could not be read (torn by a crash).
    public var unreadableEntries = 0
    /// The Unix user the lines were attributed to: the journal's owner.
    public var attributedTo: String?

    public struct StillRefused: Equatable, Sendable {
        public var line: Int
        public var reason: String
    }
}

extension JournalIngest {
    /// Applies the lines in the journal's rejects file that pass now — once an admin has fixed a
    /// membership, say. Each line is read again from the journal at the offset the entry names
    /// (the journal, not the rejects file, says what was written and by whom) and meets the same
    /// checks as at ingest. The rejects file is left as it is: retrying again changes nothing more.
    public func retryRejects() throws(IngestError) -> RetryReport {
        var report = RetryReport()
        let rejects = store.rejectsFile(for: journalPath)
        guard JournalScanner.identity(at: rejects.path) != nil else { return report }
        let entries: [RejectsFile.Entry]
        let scanner: JournalScanner
        do {
            (entries, report.unreadableEntries) = try rejects.entries()
            scanner = try JournalScanner(path: journalPath)
        } catch { throw .journal(error) }
        var authority = try lineAuthority(for: scanner)
        report.attributedTo = authority.owner
        var seen: Set<Int64> = []
        for entry in entries where entry.journal == journalPath && seen.insert(entry.offset).inserted {
            report.retried += 1
            let line: JournalLine?
            do { line = try scanner.line(at: entry.offset, number: entry.line) } catch { throw .journal(error) }
            guard let line else {
                report.stillRefused.append(
                    .init(line: entry.line, reason: "no longer in the journal at byte \(entry.offset)"))
                continue
            }
            func refuse(_ reason: String) { report.stillRefused.append(.init(line: entry.line, reason: reason)) }
            guard !line.tooLong else {
                refuse(Self.tooLong)
                continue
            }
            let entry: JournalEntry
            do { entry = try EventCodec.decode(line.bytes) } catch {
                refuse(error.description)
                continue
            }
            var event = authority.attributed(entry.event)
            let now = clock()
            event.received = now
            if let ahead = futureDated(event, now: now) {
                refuse(ahead)
                continue
            }
            do {
                try authority.check(
                    event, pinProven: entry.proven(by: sessions, line: line.bytes, owner: authority.owner))
            } catch {
                let present: Set<EventID>
                do { present = try store.storedUnchanged([event]) } catch { throw .store(error) }
                if present.isEmpty { refuse("refused: \(error)") } else { report.alreadyPresent += 1 }
                continue
            }
            let result: (ApplyResult, [Int: EventConflict])
            do { result = try store.applyBatch([event]) { _ in } } catch { throw .store(error) }
            if let conflict = result.1[0] {
                refuse(conflict.description)
                continue
            }
            report.applied += result.0.inserted
            report.alreadyPresent += result.0.alreadyPresent
            if LineAuthority.changesMembers(event) { authority = try lineAuthority(for: scanner) }
        }
        return report
    }
}
