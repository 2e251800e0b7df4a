import QanatCore

/// Checks the hash chain of a journal: each line Qanat wrote carries the SHA-256 of the line
/// before it, so a changed, removed, inserted or moved line breaks the chain at the next one.
public struct ChainReport: Sendable, Equatable {
    public struct Break: Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var expected: String
        public var found: String

        public var description: String {
            "line \(line): its chain hash does not match line \(line - 1) (line \(line - 1) was changed, or a line was removed, inserted or moved there)"
        }
    }

    public var lines = 0
    public var chained = 0
    public var unchained = 0
    public var unreadable = 0
    public var breaks: [Break] = []
    public var tornTailBytes: Int64 = 0

    public var isIntact: Bool { breaks.isEmpty }
}

public enum ChainVerifier {
    public static func verify(path: String) throws(JournalError) -> ChainReport {
        let scanner = try JournalScanner(path: path)
        var report = ChainReport()
        var previousHash = JournalWriter.genesisHash
        while true {
            let lines = try scanner.read(limit: 10_000)
            if lines.isEmpty { break }
            for line in lines {
                report.lines += 1
                switch Result(catching: { () throws(LineError) in try EventCodec.decode(line.bytes) }) {
                case .success(let entry):
                    if let found = entry.previousLineHash {
                        report.chained += 1
                        if found != previousHash {
                            report.breaks.append(.init(line: line.number, expected: previousHash, found: found))
                        }
                    } else {
                        report.unchained += 1
                    }
                case .failure:
                    report.unreadable += 1
                }
                previousHash = LineHash.hex(line.bytes)
            }
        }
        report.tornTailBytes = scanner.pendingBytes
        return report
    }
}
