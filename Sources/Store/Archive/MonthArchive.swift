import Crypto
import Foundation
import QanatCore
import QanatJournal

/// `qanat archive --month`: every journal line of a month (Libya time, by each line's own time),
/// verbatim and grouped by journal, after a manifest line that says how to prove them. Journals are
/// never cut: the archive copies, and a month's files are removed whole only once it verifies.
public struct MonthArchive {
    public let storePath: String
    public let month: Month
    /// Told of the bytes read and the bytes in all.
    public var progress: (Int64, Int64) -> Void = { _, _ in }
    /// Files among the journals that were not read, and why (a link, a pipe).
    public private(set) var skipped: [String] = []

    public init(storePath: String, month: Month) {
        self.storePath = storePath
        self.month = month
    }

    /// Every journal the store's files hold: its own `journals/`, the service's, and any other it has read.
    public static func journals(of store: SQLiteStore) -> [(path: String, name: String)] {
        let directory = (store.path as NSString).deletingLastPathComponent
        let journals = StoreFiles.journals(beside: store.path)
        var found = StoreBackup.names(in: journals).filter { $0.hasSuffix(".jsonl") }.map {
            (journals + "/" + $0, "journals/" + $0)
        }
        let service = StoreFiles.serviceJournal(beside: store.path)
        if FileManager.default.fileExists(atPath: service) { found.append((service, "service.jsonl")) }
        let known = Set(found.map { JournalIngest.canonical($0.0) })
        for path in (try? store.journalCursorPaths()) ?? [] where !known.contains(JournalIngest.canonical(path)) {
            if FileManager.default.fileExists(atPath: path) {
                found.append(
                    (path, path.hasPrefix(directory + "/") ? String(path.dropFirst(directory.count + 1)) : path))
            }
        }
        return found
    }

    /// Writes the archive to `sink`: the manifest line, then each journal's lines of the month, each
    /// call a whole line with its newline. Two passes over the journals (the first finds the lines and
    /// their proofs, the second copies them, checked against the first), so a month of any size takes
    /// no more memory than a line.
    public mutating func write(
        qanatVersion: String, now: String, to sink: ([UInt8]) throws(BackupError) -> Void
    ) throws(BackupError) -> ArchiveManifest {
        let store: SQLiteStore
        do { store = try SQLiteStore(path: storePath, options: .init(readOnly: true)) } catch { throw .store(error) }
        let journals = Self.journals(of: store)
        let total =
            2
            * journals.reduce(Int64(0)) { sum, journal in
                var info = stat()
                return sum + (lstat(journal.path, &info) == 0 ? Int64(info.st_size) : 0)
            }
        var done: Int64 = 0
        let counted: (Int64) -> Void = { [progress] bytes in
            done += bytes
            progress(done, total)
        }
        var found: [(path: String, section: Section)] = []
        var entries: [ArchiveManifest.Journal] = []
        for journal in journals {
            var info = stat()
            guard lstat(journal.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
                skipped.append("\(journal.path): not a regular file (a link or a pipe): not read")
                continue
            }
            if let claim = JournalScanner.sparse(info) {
                skipped.append("\(journal.path): \(claim)")
                continue
            }
            let section: Section
            do { section = try Section.read(journal.path, month: month, read: counted) } catch {
                throw .changed(file: journal.path, reason: error.description)
            }
            guard !section.ranges.isEmpty else { continue }
            let cursor = try? JournalIngest(store: store, journalPath: journal.path).cursor()
            found.append((journal.path, section))
            entries.append(
                ArchiveManifest.Journal(
                    name: journal.name, owner: UnixAccounts.userName(info.st_uid), ranges: section.ranges,
                    ends: section.ends,
                    anchor: cursor.flatMap { c in c.head.map { .init(line: c.nextLine - 1, hash: $0) } },
                    sha256: section.sha256))
        }
        guard !entries.isEmpty else {
            throw .nothing("no journal holds a line of \(month) (Libya time): nothing to seal; nothing was written")
        }
        let manifest = ArchiveManifest(
            month: month.description, store: storePath, sealed: now, qanat: qanatVersion, journals: entries,
            lines: entries.reduce(0) { $0 + $1.count })
        try sink(ArchiveManifest.encode(manifest) + [0x0A])
        for (path, section) in found {
            try section.copy(path, read: counted, to: sink)
        }
        return manifest
    }

    /// One journal's lines of the month: where they are, and what proves them.
    struct Section {
        var ranges: [[Int]] = []
        var ends: [ArchiveManifest.End] = []
        var sha256 = ""
        /// The file as first read, the first archived line's place, and where reading stopped: the
        /// copy reads the same lines of the same file, whatever was appended since.
        var identity: FileIdentity?
        var first: (offset: Int64, line: Int) = (0, 1)
        var end: Int64 = 0

        static func read(_ path: String, month: Month, read: (Int64) -> Void) throws(JournalError) -> Section {
            var section = Section()
            var hasher = SHA256()
            let scanner = try JournalScanner(path: path)
            section.identity = scanner.identity
            // The last line archived: its hash is an end unless the next archived line chains to it.
            var last: (number: Int, hash: String)?
            try lines(of: scanner, month: month, read: read) { line, entry in
                let hash = LineHash.hex(line.bytes)
                if let previous = last {
                    if previous.number + 1 == line.number, let range = section.ranges.indices.last {
                        section.ranges[range][1] = line.number
                    } else {
                        section.ranges.append([line.number, line.number])
                    }
                    if previous.number + 1 != line.number || entry.previousLineHash != previous.hash {
                        section.ends.append(.init(line: previous.number, hash: previous.hash))
                    }
                } else {
                    section.ranges.append([line.number, line.number])
                    section.first = (line.offset, line.number)
                }
                last = (line.number, hash)
                hasher.update(data: line.bytes + [0x0A])
            }
            section.end = scanner.position
            if let last { section.ends.append(.init(line: last.number, hash: last.hash)) }
            section.sha256 = hasher.finalize().hexString
            return section
        }

        /// The month's lines again, to `sink`, by the numbers the first pass found: the same file, the
        /// same lines, or `.changed`.
        func copy(_ path: String, read: (Int64) -> Void, to sink: ([UInt8]) throws(BackupError) -> Void)
            throws(BackupError)
        {
            var hasher = SHA256()
            var range = 0
            do {
                let scanner = try JournalScanner(path: path, offset: first.offset, lineNumber: first.line)
                guard scanner.identity == identity else {
                    throw BackupError.changed(file: path, reason: "replaced while the month was sealed")
                }
                reading: while range < ranges.count {
                    let lines = try scanner.read(limit: 5_000)
                    guard !lines.isEmpty else { break }
                    for line in lines {
                        guard line.offset < end else { break reading }
                        read(line.endOffset - line.offset)
                        while range < ranges.count, line.number > ranges[range][1] { range += 1 }
                        guard range < ranges.count, line.number >= ranges[range][0] else { continue }
                        let bytes = line.bytes + [0x0A]
                        hasher.update(data: bytes)
                        try sink(bytes)
                    }
                }
            } catch let error as BackupError {
                throw error
            } catch {
                throw .changed(file: path, reason: "\(error)")
            }
            guard hasher.finalize().hexString == sha256 else {
                throw .changed(file: path, reason: "its lines of the month changed while they were sealed")
            }
        }

        /// Each complete line of `month`, decoded.
        private static func lines(
            of scanner: JournalScanner, month: Month, read: (Int64) -> Void, each: (JournalLine, JournalEntry) -> Void
        ) throws(JournalError) {
            while true {
                let lines = try scanner.read(limit: 5_000)
                guard !lines.isEmpty else { return }
                for line in lines {
                    read(line.endOffset - line.offset)
                    guard !line.tooLong, let entry = try? EventCodec.decode(line.bytes),
                        Month(of: entry.event.at) == month
                    else { continue }
                    each(line, entry)
                }
            }
        }
    }
}
