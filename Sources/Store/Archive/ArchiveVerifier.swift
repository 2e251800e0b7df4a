import Crypto
import Foundation
import QanatJournal

/// Proves an archive's lines are the ones sealed: each line's hash is the one the next archived
/// line of its journal chains to, or the one the manifest kept for it; each journal's lines hash to
/// the manifest's SHA-256. Names the first line that is not what was sealed.
public enum ArchiveVerifier {
    public struct Report: Sendable, Equatable {
        public var manifest: ArchiveManifest
        public var lines: Int
        /// The first line found changed, removed or added, in words; nil when every line is as sealed.
        public var problem: String?
    }

    public static func verify(path: String) throws(BackupError) -> Report {
        let scanner: JournalScanner
        do { scanner = try JournalScanner(path: path) } catch { throw .changed(file: path, reason: error.description) }
        var lines: [JournalLine] = []
        do {
            while true {
                let batch = try scanner.read(limit: 10_000)
                guard !batch.isEmpty else { break }
                lines += batch
            }
        } catch { throw .changed(file: path, reason: error.description) }
        guard let head = lines.first, !head.tooLong,
            let manifest = try? JSONDecoder().decode(ArchiveManifest.self, from: Data(head.bytes)),
            manifest.qanatArchive == 1
        else {
            throw .manifest(path: path, reason: "line 1 is not an archive's manifest: not a file `qanat archive` made")
        }
        var report = Report(manifest: manifest, lines: lines.count - 1)
        report.problem = firstProblem(manifest, Array(lines.dropFirst()))
        if report.problem == nil, scanner.pendingBytes > 0 {
            report.problem = "\(scanner.pendingBytes) bytes after the last line, which the archive did not hold"
        }
        return report
    }

    private static func firstProblem(_ manifest: ArchiveManifest, _ lines: [JournalLine]) -> String? {
        var index = 0
        for journal in manifest.journals {
            guard journal.ranges.allSatisfy({ $0.count == 2 && $0[0] >= 1 && $0[0] <= $0[1] }) else {
                return "the manifest's ranges for \(journal.name) are not [first, last] pairs"
            }
            let ends = Dictionary(journal.ends.map { ($0.line, $0.hash) }, uniquingKeysWith: { first, _ in first })
            var hasher = SHA256()
            let last = journal.count
            var offset = 0
            // Range by range, never the whole list of numbers at once: a hostile manifest may claim billions.
            for range in journal.ranges {
                var number = range[0]
                while number <= range[1] {
                    let place = "archive line \(index + 2) (\(journal.name) line \(number))"
                    guard index < lines.count else { return "\(place): missing: the archive ends before it" }
                    let line = lines[index]
                    let hash = LineHash.hex(line.bytes)
                    if let kept = ends[number] {
                        if kept != hash { return "\(place): changed (its hash is not the one sealed)" }
                    } else {
                        // Vouched for by the next archived line of the journal, which chains to it.
                        let next = index + 1 < lines.count && offset + 1 < last ? lines[index + 1] : nil
                        let chained = next.flatMap { try? EventCodec.decode($0.bytes) }?.previousLineHash
                        if chained != hash { return "\(place): changed (the next line does not chain to it)" }
                    }
                    hasher.update(data: line.bytes + [0x0A])
                    index += 1
                    offset += 1
                    number += 1
                }
            }
            if hasher.finalize().hexString != journal.sha256 {
                return "\(journal.name): its lines do not hash to the manifest's SHA-256 (a line was changed)"
            }
        }
        if index < lines.count { return "archive line \(index + 2): added after the sealed lines" }
        return nil
    }
}
