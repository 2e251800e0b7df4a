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

    public init() {}

    public mutating func add(_ other: IngestReport) {
        lines += other.lines
        ingested += other.ingested
        alreadyPresent += other.alreadyPresent
        rejected += other.rejected
        waitingBytes = other.waitingBytes
        notes += other.notes
    }
}

/// Where ingest has got to in one journal: which file (device, inode), how far, which line.
public struct JournalCursor: Equatable, Sendable {
    public var identity: FileIdentity
    public var offset: Int64
    public var nextLine: Int
}

public enum IngestError: Error, CustomStringConvertible, Sendable {
    case journal(JournalError)
    case store(StoreError)

    public var description: String {
        switch self {
        case .journal(let error): error.description
        case .store(let error): error.description
        }
    }
}

/// Follows one journal into the store, exactly once. Each batch of lines is applied in one
/// transaction together with the journal's cursor, so a kill at any moment leaves either the
/// whole batch and the new cursor, or neither; event ids catch anything read twice besides.
public struct JournalIngest: Sendable {
    public let store: SQLiteStore
    public let journalPath: String
    public var batchSize = 5_000

    public init(store: SQLiteStore, journalPath: String) {
        self.store = store
        self.journalPath = Self.canonical(journalPath)
    }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    public func cursor() throws(StoreError) -> JournalCursor? {
        try store.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM journal_cursors WHERE path = ?", arguments: [journalPath]).map { row in
                JournalCursor(identity: FileIdentity(device: UInt64(row["device"] as Int64), inode: UInt64(row["inode"] as Int64)),
                              offset: row["offset"], nextLine: row["line"])
            }
        }
    }

    /// Reads every complete line past the cursor. `progress` is called after each batch.
    public func run(now: () -> Timestamp, progress: (IngestReport, Int64, Int64) -> Void = { _, _, _ in }) throws(IngestError) -> IngestReport {
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
                report.notes.append("journal truncated (now \(size) bytes, cursor at \(saved.offset)); reading from its start")
            } else {
                start = saved
            }
        }
        report.add(try ingest(path: journalPath, from: start, now: now, progress: progress))
        return report
    }

    private func ingest(path: String, from cursor: JournalCursor, now: () -> Timestamp,
                        progress: (IngestReport, Int64, Int64) -> Void) throws(IngestError) -> IngestReport {
        var report = IngestReport()
        let scanner: JournalScanner
        do { scanner = try JournalScanner(path: path, offset: cursor.offset, lineNumber: cursor.nextLine) } catch { throw .journal(error) }
        let rejects = RejectsFile(journalPath: journalPath)
        while true {
            let lines: [JournalLine]
            do { lines = try scanner.read(limit: batchSize) } catch { throw .journal(error) }
            guard let last = lines.last else { break }
            var decoded: [(line: JournalLine, event: Event)] = []
            decoded.reserveCapacity(lines.count)
            var rejections: [RejectsFile.Rejection] = []
            func reject(_ line: JournalLine, _ reason: String) {
                rejections.append(.init(journal: journalPath, line: line.number, offset: line.offset, reason: reason, bytes: line.bytes))
            }
            for line in lines {
                do {
                    decoded.append((line, try EventCodec.decode(line.bytes).event))
                } catch {
                    reject(line, error.description)
                }
            }
            // Rejects are made durable before the cursor passes them: a crash may repeat a
            // reject entry, never lose one.
            do { try rejects.append(rejections, at: now()) } catch { throw .journal(error) }
            // An id stored with other content is another event under a taken id: rejected, never
            // "already present". The batch is tried again without those lines, once they are in the rejects.
            var pending = decoded
            var applied = ApplyResult()
            while true {
                let outcome: (ApplyResult, [Int: EventConflict])
                do {
                    outcome = try store.applyBatch(pending.map(\.event)) { db in
                        try db.execute(sql: """
                            INSERT OR REPLACE INTO journal_cursors (path, device, inode, offset, line) VALUES (?, ?, ?, ?, ?)
                            """, arguments: [journalPath, Int64(bitPattern: scanner.identity.device),
                                             Int64(bitPattern: scanner.identity.inode), last.endOffset, last.number + 1])
                    }
                } catch { throw .store(error) }
                guard !outcome.1.isEmpty else {
                    applied = outcome.0
                    break
                }
                let conflicted = outcome.1.sorted { $0.key < $1.key }.map { (line: pending[$0.key].line, conflict: $0.value) }
                let refused = conflicted.map { RejectsFile.Rejection(journal: journalPath, line: $0.line.number, offset: $0.line.offset,
                                                                      reason: $0.conflict.description, bytes: $0.line.bytes) }
                do { try rejects.append(refused, at: now()) } catch { throw .journal(error) }
                rejections += refused
                pending = pending.enumerated().filter { outcome.1[$0.offset] == nil }.map(\.element)
            }
            report.lines += lines.count
            report.ingested += applied.inserted
            report.alreadyPresent += applied.alreadyPresent
            report.rejected += rejections.count
            progress(report, last.endOffset, scanner.size)
        }
        report.waitingBytes = scanner.pendingBytes
        return report
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
