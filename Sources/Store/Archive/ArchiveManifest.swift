import Foundation

/// The first line of a month's archive: which journals' lines follow, in which order, and what
/// proves each one unchanged — the hash of every archived line no later archived line chains to
/// (`ends`), and a SHA-256 over each journal's archived lines. The file's own SHA-256 is recorded in
/// the store (`report.written`, kind archive) when it is sealed.
public struct ArchiveManifest: Codable, Sendable, Equatable {
    public var qanatArchive = 1
    public var month: String
    public var store: String
    public var sealed: String
    public var qanat: String
    public var journals: [Journal]
    /// Lines that follow this one, in all.
    public var lines: Int

    public struct Journal: Codable, Sendable, Equatable {
        /// Relative to the store's directory for its own journals, else the path ingest read.
        public var name: String
        public var owner: String
        /// The journal's line numbers archived, as `[first, last]` ranges in order.
        public var ranges: [[Int]]
        public var ends: [End]
        /// How far ingest had read the journal when the month was sealed (the store's anchor).
        public var anchor: End?
        /// Over this journal's archived lines, each with its newline.
        public var sha256: String

        /// The lines the ranges claim, saturating: a hostile manifest may claim more than an Int holds.
        public var count: Int {
            ranges.reduce(0) { total, range in
                guard range.count == 2, range[0] >= 1, range[1] >= range[0] else { return total }
                let (sum, overflow) = total.addingReportingOverflow(range[1] - range[0] + 1)
                return overflow ? Int.max : sum
            }
        }
    }

    public struct End: Codable, Sendable, Equatable {
        public var line: Int
        public var hash: String
    }

    static func encode(_ manifest: ArchiveManifest) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(manifest)) ?? Data())
    }
}
