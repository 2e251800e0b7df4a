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

    public mutating func make(qanatVersion: String, now: String) throws(BackupError) -> (ArchiveManifest, [UInt8]) {
        let store: SQLiteStore
        do { store = try SQLiteStore(path: storePath, options: .init(readOnly: true)) } catch { throw .store(error) }
        let journals = Self.journals(of: store)
        let total = journals.reduce(Int64(0)) { sum, journal in
            var info = stat()
            return sum + (lstat(journal.path, &info) == 0 ? Int64(info.st_size) : 0)
        }
        var done: Int64 = 0
        var entries: [ArchiveManifest.Journal] = []
        var body: [UInt8] = []
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
            do {
                section = try Section.read(journal.path, month: month) { bytes in
                    done += bytes
                    progress(done, total)
                }
            } catch { throw .changed(file: journal.path, reason: error.description) }
            guard !section.ranges.isEmpty else { continue }
            let cursor = try? JournalIngest(store: store, journalPath: journal.path).cursor()
            entries.append(
                ArchiveManifest.Journal(
                    name: journal.name, owner: UnixAccounts.userName(info.st_uid), ranges: section.ranges,
                    ends: section.ends,
                    anchor: cursor.flatMap { c in c.head.map { .init(line: c.nextLine - 1, hash: $0) } },
                    sha256: section.hasher.finalize().hexString))
            body += section.bytes
        }
        guard !entries.isEmpty else {
            throw .nothing("no journal holds a line of \(month) (Libya time): nothing to seal; nothing was written")
        }
        let manifest = ArchiveManifest(
            month: month.description, store: storePath, sealed: now, qanat: qanatVersion, journals: entries,
            lines: entries.reduce(0) { $0 + $1.count })
        return (manifest, ArchiveManifest.encode(manifest) + [0x0A] + body)
    }

    /// One journal's lines of the month.
    struct Section {
        var ranges: [[Int]] = []
        var ends: [ArchiveManifest.End] = []
        var bytes: [UInt8] = []
        var hasher = SHA256()

        static func read(_ path: String, month: Month, read: (Int64) -> Void) throws(JournalError) -> Section {
            var section = Section()
            let scanner = try JournalScanner(path: path)
            // The last line archived: its hash is an end unless the next archived line chains to it.
            var last: (number: Int, hash: String)?
            while true {
                let lines = try scanner.read(limit: 5_000)
                guard !lines.isEmpty else { break }
                for line in lines {
                    read(line.endOffset - line.offset)
                    guard !line.tooLong, let entry = try? EventCodec.decode(line.bytes),
                        Month(of: entry.event.at) == month
                    else { continue }
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
                    }
                    last = (line.number, hash)
                    section.bytes += line.bytes + [0x0A]
                    section.hasher.update(data: line.bytes + [0x0A])
                }
            }
            if let last { section.ends.append(.init(line: last.number, hash: last.hash)) }
            return section
        }
    }
}
