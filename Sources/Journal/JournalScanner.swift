import QanatCore

#if canImport(Glibc)
    import Glibc
#endif

/// One complete line of a journal: its 1-based number, where it starts and where the next begins.
public struct JournalLine: Sendable {
    public var number: Int
    public var offset: Int64
    public var endOffset: Int64
    public var bytes: [UInt8]
    /// Longer than `Limits.journalLine`: rejected whole, its bytes neither kept nor read again.
    public var tooLong = false
}

/// Reads complete lines of a journal from a position. A last line with no newline yet is torn
/// (its writer may still be writing): it is not returned, and the position stays before it.
public final class JournalScanner {
    public let path: String
    public let identity: FileIdentity
    public let size: Int64
    private let file: OpenFile
    private var buffer: [UInt8] = []
    private var bufferOffset: Int64
    private var nextLineNumber: Int
    public private(set) var position: Int64

    /// Opens `path` for reading from `offset`, where the line numbered `lineNumber` starts.
    public init(path: String, offset: Int64 = 0, lineNumber: Int = 1) throws(JournalError) {
        self.path = path
        // Not blocking on a pipe planted where a journal should be: only a plain file is read.
        file = try OpenFile(path: path, flags: O_RDONLY | O_NONBLOCK)
        let status = try file.status()
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw JournalError(
                path: path, refusing: "not a plain file: a journal is one (remove it, or name the file itself)")
        }
        if let claim = Self.sparse(status) { throw JournalError(path: path, refusing: claim) }
        (identity, size) = try file.identity()
        position = offset
        bufferOffset = offset
        nextLineNumber = lineNumber
    }

    /// Why a file is not read as a journal: it claims far more bytes than it holds on disk (holes of
    /// zeros, which no writer of lines makes) — gigabytes of them would be read, and refused line by
    /// line, on every pass, or copied whole into a backup. A file system that compresses holds text
    /// in a fifth of its size or so, never a sixty-fourth.
    public static func sparse(_ info: stat) -> String? {
        let held = Int64(info.st_blocks) * 512
        guard Int64(info.st_size) > 1 << 20, held < Int64(info.st_size) / 64 else { return nil }
        return "sparse: it claims \(info.st_size) bytes and holds \(held) on disk; no journal is: not read"
    }

    /// The identity of whatever file is at `path` now, or nil when there is none.
    public static func identity(at path: String) -> (FileIdentity, Int64)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)), Int64(info.st_size))
    }

    public var nextLine: Int { nextLineNumber }

    /// Who owns the file this scanner reads (the open file, not whatever is at the path now).
    public func ownership() throws(JournalError) -> JournalOwnership {
        guard let ownership = JournalOwnership(path: path, file: try file.status()) else {
            throw JournalError(path: path, operation: "stat its directory")
        }
        return ownership
    }

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Up to `limit` complete lines; an empty result means nothing complete is left for now. A line
    /// longer than `Limits.journalLine` comes back `tooLong` as soon as it is, newline or not.
    public func read(limit: Int, chunkSize: Int = 1 << 20) throws(JournalError) -> [JournalLine] {
        var lines: [JournalLine] = []
        var scanStart = 0
        while lines.count < limit {
            let consumed = Int(position - bufferOffset)
            if let newline = buffer[max(consumed, scanStart)...].firstIndex(of: 0x0A) {
                let tooLong = newline - consumed > Limits.journalLine
                let line = JournalLine(
                    number: nextLineNumber, offset: position,
                    endOffset: bufferOffset + Int64(newline + 1),
                    bytes: tooLong ? [] : Self.text(buffer[consumed..<newline], at: position), tooLong: tooLong)
                lines.append(line)
                position = line.endOffset
                nextLineNumber += 1
                scanStart = newline + 1
                continue
            }
            // Keep only the unconsumed part, then read more.
            buffer.removeFirst(consumed)
            bufferOffset = position
            scanStart = buffer.count
            if buffer.count > Limits.journalLine {
                lines.append(try skipLongLine(chunkSize: chunkSize))
                scanStart = 0
                continue
            }
            let more = try file.read(at: bufferOffset + Int64(buffer.count), count: chunkSize)
            if more.isEmpty { break }
            buffer.append(contentsOf: more)
        }
        return lines
    }

    /// The over-long line at `position`, passed over to its newline (or to the end of what is
    /// written: bytes added to it later come as a line of their own, and are refused as such).
    private func skipLongLine(chunkSize: Int) throws(JournalError) -> JournalLine {
        var end = bufferOffset + Int64(buffer.count)
        buffer.removeAll()
        while true {
            let more = try file.read(at: end, count: chunkSize)
            guard !more.isEmpty else { break }
            if let newline = more.firstIndex(of: 0x0A) {
                end += Int64(newline + 1)
                buffer = Array(more[(newline + 1)...])
                break
            }
            end += Int64(more.count)
        }
        let line = JournalLine(number: nextLineNumber, offset: position, endOffset: end, bytes: [], tooLong: true)
        bufferOffset = end
        position = end
        nextLineNumber += 1
        return line
    }

    /// The complete line that starts at `offset`, or nil when no line ends after it; the scanner's
    /// own position does not move.
    public func line(at offset: Int64, number: Int) throws(JournalError) -> JournalLine? {
        var bytes: [UInt8] = []
        while true {
            let chunk = try file.read(at: offset + Int64(bytes.count), count: 64 * 1024)
            guard !chunk.isEmpty else { return nil }
            if let newline = chunk.firstIndex(of: 0x0A) {
                bytes += chunk[..<newline]
                return JournalLine(
                    number: number, offset: offset, endOffset: offset + Int64(bytes.count) + 1,
                    bytes: Self.text(bytes[...], at: offset))
            }
            bytes += chunk
            if bytes.count > Limits.journalLine {
                return JournalLine(
                    number: number, offset: offset, endOffset: offset + Int64(bytes.count), bytes: [], tooLong: true)
            }
        }
    }

    /// A line's bytes without a byte order mark that an editor or a Windows gateway put at the
    /// file's start: it is no part of the line.
    private static func text(_ bytes: ArraySlice<UInt8>, at offset: Int64) -> [UInt8] {
        Array(offset == 0 && bytes.starts(with: byteOrderMark) ? bytes.dropFirst(3) : bytes)
    }

    /// Bytes after the last complete line: a torn line waiting for its end.
    public var pendingBytes: Int64 {
        (try? file.identity().1).map { max(0, $0 - position) } ?? 0
    }
}
