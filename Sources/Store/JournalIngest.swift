import Foundation
import GRDB
import QanatCore
import QanatJournal

/// What one ingest pass did.
public struct IngestReport: Equatable, Sendable {
    public var lines = 0
    public var ingested = 0
    public var alreadyPresent = 0
    public var rejected = 0
    /// Bytes of a last line still being written: left for the next pass.
    public var waitingBytes: Int64 = 0
    /// Said when the journal was found rotated or truncated since the last pass.
    public var notes: [String] = []
    /// The Unix user the lines were attributed to: the journal's owner.
    public var attributedTo: String?
    /// Whether each line was held to that member's authority (false while the store has no members).
    public var authorityChecked = false
    /// Lines refused by authority, also counted in `rejected`.
    public var refused = 0
    /// Where the rejected lines were written.
    public var rejectsPath: String?
    /// Whether an applied line changed the members (a follower reads them again).
    public var membersChanged = false
    /// Whether the run stopped at its `batchLimit` with lines still to read.
    public var more = false
    /// The ids of the events the store now holds from this run, when asked (`collectsStored`).
    public var stored: [String] = []
    /// The longest time from a line's own time to this host's reading it, of the lines read.
    public var lagMilliseconds: Int64 = 0

    public init() {}

    public mutating func add(_ other: IngestReport) {
        lines += other.lines
        ingested += other.ingested
        alreadyPresent += other.alreadyPresent
        rejected += other.rejected
        refused += other.refused
        waitingBytes = other.waitingBytes
        notes += other.notes
        attributedTo = other.attributedTo ?? attributedTo
        rejectsPath = other.rejectsPath ?? rejectsPath
        authorityChecked = authorityChecked || other.authorityChecked
        membersChanged = membersChanged || other.membersChanged
        more = more || other.more
        stored += other.stored
        lagMilliseconds = max(lagMilliseconds, other.lagMilliseconds)
    }
}

extension SQLiteStore {
    /// Every journal ingest has read from, by path.
    public func journalCursorPaths() throws(StoreError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT path FROM journal_cursors ORDER BY path") }
    }
}

/// Where ingest has got to in one journal: which file (device, inode), how far, which line.
public struct JournalCursor: Equatable, Sendable {
    public var identity: FileIdentity
    public var offset: Int64
    public var nextLine: Int
    /// The anchor: the SHA-256 of the last line read (`LineHash`), so that `verify` finds a journal
    /// rewritten or cut short behind ingest's back; nil for a cursor from before anchors.
    public var head: String? = nil
}

public enum IngestError: Error, CustomStringConvertible, Sendable {
    case journal(JournalError)
    case store(StoreError)
    /// Someone besides the journal's owner could have written or swapped it: none of its lines is
    /// taken while the store has members.
    case unattributable(AttributionProblem)

    public var description: String {
        switch self {
        case .journal(let error): error.description
        case .store(let error): error.description
        case .unattributable(let problem): "refused: \(problem); nothing was ingested from it"
        }
    }
}

/// Follows one journal into the store, exactly once. Each batch of lines is applied in one
/// transaction together with the journal's cursor, so a kill at any moment leaves either the
/// whole batch and the new cursor, or neither; event ids catch anything read twice besides.
/// Before applying, each line is attributed to the journal's owner and held to their authority
/// (`LineAuthority`); a refused line goes to the rejects file like a malformed one.
public struct JournalIngest: Sendable {
    public let store: SQLiteStore
    public let journalPath: String
    /// The path as given, before links were resolved: a link someone else made is their choice of file.
    let givenPath: String
    public var batchSize = 5_000
    /// Batches read in one run at most (a service's pass, which holds one transaction): the rest
    /// waits for the next run, and the report says there is `more`.
    public var batchLimit: Int?
    /// Whether the report lists the ids it stored (a service tells its waiting writers).
    public var collectsStored = false
    /// This host's clock when a line is read: each event is stamped received then, and a line dated
    /// further ahead than `Limits.futureSkew` is refused (a date to come would pin a "latest wins"
    /// fold for good).
    /// The service's desk sessions, which prove a PIN-guarded officer's sealed lines; nil outside a service.
    public var sessions: (any DeskSessions)?
    /// What the caller knows of the store already (a service, its only writer, reads it once, not
    /// for each journal each pass); nil: read it.
    public var facts: StoreFacts?

    public struct StoreFacts: Sendable {
        public var members: [Member]
        public var serviceOwned: Bool
        /// Where this journal's rejects go (`SQLiteStore.rejectsFile(for:)`).
        public var rejects: RejectsFile

        public init(members: [Member], serviceOwned: Bool, rejects: RejectsFile) {
            self.members = members
            self.serviceOwned = serviceOwned
            self.rejects = rejects
        }
    }
    public var clock: @Sendable () -> Timestamp = {
        Timestamp(millisecondsSinceEpoch: Int64((Date().timeIntervalSince1970 * 1000).rounded()))
    }

    public init(store: SQLiteStore, journalPath: String) {
        self.store = store
        self.journalPath = Self.canonical(journalPath)
        givenPath = journalPath
    }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    public func cursor() throws(StoreError) -> JournalCursor? {
        try store.read { db in
            // Cached: a service asks it for every journal it reads, every pass.
            let statement = try db.cachedStatement(sql: "SELECT * FROM journal_cursors WHERE path = ?")
            return try Row.fetchOne(statement, arguments: [journalPath]).map { row in
                JournalCursor(
                    identity: FileIdentity(
                        device: UInt64(row["device"] as Int64), inode: UInt64(row["inode"] as Int64)),
                    offset: row["offset"], nextLine: row["line"], head: row["head"])
            }
        }
    }

    /// Reads every complete line past the cursor. `progress` is called after each batch.
    public func run(now: () -> Timestamp, progress: (IngestReport, Int64, Int64) -> Void = { _, _, _ in })
        throws(IngestError) -> IngestReport
    {
        var report = IngestReport()
        guard let (identity, size) = JournalScanner.identity(at: journalPath) else {
            throw .journal(JournalError(path: journalPath, operation: "open", code: ENOENT))
        }
        var start = JournalCursor(identity: identity, offset: 0, nextLine: 1)
        let saved: JournalCursor?
        do { saved = try cursor() } catch { throw .store(error) }
        if let saved {
            if saved.identity != identity {
                // Rotated: finish the old file where it now lives, then start the new one.
                if let old = rotatedFile(with: saved.identity) {
                    report.notes.append("journal rotated; finishing \(old) first")
                    report.add(try ingest(path: old, from: saved, now: now, progress: progress))
                } else {
                    report.notes.append("journal replaced; reading the new file from its start")
                }
            } else if size < saved.offset {
                report.notes.append(
                    "journal truncated (now \(size) bytes, cursor at \(saved.offset)); reading from its start")
            } else {
                start = saved
            }
        }
        report.add(try ingest(path: journalPath, from: start, now: now, progress: progress))
        return report
    }

    private func ingest(
        path: String, from cursor: JournalCursor, now: () -> Timestamp,
        progress: (IngestReport, Int64, Int64) -> Void
    ) throws(IngestError) -> IngestReport {
        var report = IngestReport()
        let scanner: JournalScanner
        do { scanner = try JournalScanner(path: path, offset: cursor.offset, lineNumber: cursor.nextLine) } catch {
            throw .journal(error)
        }
        var authority = try lineAuthority(for: scanner, known: facts)
        report.attributedTo = authority.owner
        report.authorityChecked = authority.checks
        let rejects = facts?.rejects ?? store.rejectsFile(for: journalPath)
        report.rejectsPath = rejects.path
        var batches = 0
        while true {
            let lines: [JournalLine]
            do { lines = try scanner.read(limit: batchSize) } catch { throw .journal(error) }
            guard let last = lines.last else { break }
            var decoded: [Line] = []
            decoded.reserveCapacity(lines.count)
            var unreadable: [RejectsFile.Rejection] = []
            // The clock is read once a batch, not once a line: ingest is the path of millions of lines.
            let received = clock()
            for line in lines {
                guard !line.tooLong else {
                    unreadable.append(rejection(line, JournalIngest.tooLong))
                    continue
                }
                do {
                    let entry = try EventCodec.decode(line.bytes)
                    var event = authority.attributed(entry.event)
                    event.received = received
                    if let ahead = futureDated(event, now: received) {
                        unreadable.append(rejection(line, ahead))
                        continue
                    }
                    decoded.append((line, event, entry.proven(by: sessions, line: line.bytes, owner: authority.owner)))
                    report.lagMilliseconds = max(
                        report.lagMilliseconds, received.millisecondsSinceEpoch - event.at.millisecondsSinceEpoch)
                } catch {
                    unreadable.append(rejection(line, error.description))
                }
            }
            // Rejects are made durable before the cursor passes them: a crash may repeat a
            // reject entry, never lose one.
            do { try rejects.append(unreadable, at: now()) } catch { throw .journal(error) }
            report.lines += lines.count
            report.rejected += unreadable.count
            // A change of members ends a run: the lines after it meet the members it made.
            var start = 0
            repeat {
                var admitted: [Line] = []
                var refused: [(line: Line, refusal: Refusal)] = []
                var membersChanged = false
                var end = start
                while end < decoded.count, !membersChanged {
                    let line = decoded[end]
                    end += 1
                    do {
                        try authority.check(line.event, pinProven: line.sealed)
                        admitted.append(line)
                        membersChanged = LineAuthority.changesMembers(line.event)
                    } catch {
                        refused.append((line, error))
                    }
                }
                let outcome = try apply(admitted, refused: refused, rejects: rejects, now: now) { db in
                    let through = end == decoded.count ? last : decoded[end - 1].line
                    try db.cachedStatement(
                        sql: """
                            INSERT OR REPLACE INTO journal_cursors (path, device, inode, offset, line, head)
                            VALUES (?, ?, ?, ?, ?, ?)
                            """
                    ).execute(
                        arguments: [
                            journalPath, Int64(bitPattern: scanner.identity.device),
                            Int64(bitPattern: scanner.identity.inode), through.endOffset, through.number + 1,
                            LineHash.hex(through.bytes),
                        ])
                }
                report.ingested += outcome.inserted
                report.stored += outcome.stored
                report.alreadyPresent += outcome.alreadyPresent
                report.rejected += outcome.rejected
                report.refused += outcome.refused
                if membersChanged {
                    authority = try lineAuthority(for: scanner)
                    report.membersChanged = true
                }
                start = end
            } while start < decoded.count
            progress(report, last.endOffset, scanner.size)
            batches += 1
            if let batchLimit, batches >= batchLimit, lines.count == batchSize {
                report.more = true
                break
            }
        }
        report.waitingBytes = scanner.pendingBytes
        return report
    }

    /// A line read, its event, and whether its seal proved it came from its officer's desk.
    typealias Line = (line: JournalLine, event: Event, sealed: Bool)

    /// Why `event` is refused for its date, when it is dated further ahead of this host's clock than
    /// `Limits.futureSkew`: at ingest and when its rejects are retried alike.
    func futureDated(_ event: Event, now: Timestamp) -> String? {
        guard event.at > now.adding(seconds: Limits.futureSkew) else { return nil }
        return "dated \(event.at.rfc3339), more than \(Limits.futureSkew) s ahead of this host's clock "
            + "(\(now.rfc3339)): a line may not claim a time to come"
    }

    static let tooLong = "longer than \(Limits.journalLine) bytes: no event is; the line is not read"

    private func rejection(_ line: JournalLine, _ reason: String) -> RejectsFile.Rejection {
        RejectsFile.Rejection(
            journal: journalPath, line: line.number, offset: line.offset, reason: reason, bytes: line.bytes)
    }

    /// Who the lines read by `scanner` are attributed to, and the members they are held to now.
    /// A journal someone else could have written or swapped is refused whole once there are members.
    func lineAuthority(for scanner: JournalScanner, known: StoreFacts? = nil) throws(IngestError) -> LineAuthority {
        var ownership: JournalOwnership
        let members: [Member]
        do { ownership = try scanner.ownership() } catch { throw .journal(error) }
        if scanner.path == journalPath { ownership = ownership.checkingLinks(along: givenPath) }
        let serviceStore: Bool
        if let known {
            (members, serviceStore) = (known.members, known.serviceOwned)
        } else {
            do {
                members = try store.members()
                serviceStore = try store.serviceOwner() != nil
            } catch { throw .store(error) }
        }
        let authority = LineAuthority(
            owner: ownership.owner, members: members, reportsAttestedByService: serviceStore)
        if authority.checks, let problem = ownership.problem { throw .unattributable(problem) }
        return authority
    }

    struct RunOutcome {
        var stored: [String] = []
        var inserted = 0
        var alreadyPresent = 0
        var rejected = 0
        var refused = 0
    }

    /// Applies the admitted lines of a run, with `cursor`'s update in the same transaction. A
    /// refused line whose event the store already holds unchanged (written live, when its writer
    /// still had the role) is already present; the other refused lines, and any line whose id is
    /// stored with other content, go to the rejects file first.
    private func apply(
        _ admitted: [Line], refused: [(line: Line, refusal: Refusal)], rejects: RejectsFile, now: () -> Timestamp,
        cursor: @escaping (Database) throws -> Void
    ) throws(IngestError) -> RunOutcome {
        var outcome = RunOutcome()
        if !refused.isEmpty {
            let present: Set<EventID>
            do { present = try store.storedUnchanged(refused.map(\.line.event)) } catch { throw .store(error) }
            let refusals = refused.filter { !present.contains($0.line.event.id) }.map {
                rejection($0.line.line, "refused: \($0.refusal)")
            }
            do { try rejects.append(refusals, at: now()) } catch { throw .journal(error) }
            outcome.alreadyPresent += refused.count - refusals.count
            if collectsStored { outcome.stored += present.map(\.rawValue) }
            outcome.rejected += refusals.count
            outcome.refused += refusals.count
        }
        // An id stored with other content is another event under a taken id: rejected, never
        // "already present". The run is tried again without those lines, once they are in the rejects.
        var pending = admitted
        while true {
            let result: (ApplyResult, [Int: EventConflict])
            do { result = try store.applyBatch(pending.map(\.event), cursor: cursor) } catch { throw .store(error) }
            guard !result.1.isEmpty else {
                outcome.inserted += result.0.inserted
                outcome.alreadyPresent += result.0.alreadyPresent
                if collectsStored { outcome.stored += pending.map(\.event.id.rawValue) }
                return outcome
            }
            let conflicts = result.1.sorted { $0.key < $1.key }.map {
                rejection(pending[$0.key].line, $0.value.description)
            }
            do { try rejects.append(conflicts, at: now()) } catch { throw .journal(error) }
            outcome.rejected += conflicts.count
            pending = pending.enumerated().filter { result.1[$0.offset] == nil }.map(\.element)
        }
    }

    /// A file beside the journal (`journal.jsonl.1`, `journal.jsonl-20261122`, ...) that is the
    /// file the cursor was reading before rotation.
    private func rotatedFile(with identity: FileIdentity) -> String? {
        let url = URL(fileURLWithPath: journalPath)
        let directory = url.deletingLastPathComponent().path
        let base = url.lastPathComponent
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return nil }
        for name in names.sorted() where name != base && name.hasPrefix(base) && !name.hasSuffix(".rejects") {
            let candidate = directory + "/" + name
            if JournalScanner.identity(at: candidate)?.0 == identity { return candidate }
        }
        return nil
    }
}
