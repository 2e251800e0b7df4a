import Foundation

/// What ingest recorded of a journal as it read it: the line it got to and that line's hash. A
/// journal whose lines were rewritten (its chain made again from the start) or cut short after
/// ingest read them no longer holds that line: its own chain cannot show it, the anchor does.
public struct JournalAnchor: Sendable {
    public var identity: FileIdentity
    /// Where the anchored line ends, and its number.
    public var offset: Int64
    public var line: Int
    /// `LineHash` of the anchored line's bytes.
    public var head: String

    public init(identity: FileIdentity, offset: Int64, line: Int, head: String) {
        self.identity = identity
        self.offset = offset
        self.line = line
        self.head = head
    }

    /// Why the journal at `path` is not what ingest read, or nil when it holds the anchored line as
    /// read. A journal rotated away is found by its identity beside the path and compared there; a
    /// file at the path that ingest never read, with the one it read gone, is named as replaced.
    public func problem(at path: String) throws(JournalError) -> String? {
        guard let (current, _) = JournalScanner.identity(at: path) else { return nil }
        if current == identity { return try compare(path) }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let siblings = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in siblings where name != url.lastPathComponent && name.hasPrefix(url.lastPathComponent) {
            let sibling = directory + "/" + name
            if let (found, _) = JournalScanner.identity(at: sibling), found == identity { return try compare(sibling) }
        }
        return "replaced: ingest read another file at this path (through line \(line)), and that file is gone"
    }

    private func compare(_ path: String) throws(JournalError) -> String? {
        guard let (_, size) = JournalScanner.identity(at: path) else { return nil }
        guard size >= offset else {
            return "cut short: ingest read it through line \(line) (\(offset) bytes); it now holds \(size) bytes"
        }
        let scanner = try JournalScanner(path: path)
        while true {
            let lines = try scanner.read(limit: 5_000)
            guard !lines.isEmpty else { break }
            for read in lines where read.endOffset >= offset {
                guard read.endOffset == offset, read.number == line, LineHash.hex(read.bytes) == head else {
                    return "rewritten: line \(line), ending at byte \(offset), is not the line ingest read "
                        + "(its hash was \(head.prefix(16))…)"
                }
                return nil
            }
        }
        return "cut short: ingest read it through line \(line); no complete line ends at byte \(offset) now"
    }
}
