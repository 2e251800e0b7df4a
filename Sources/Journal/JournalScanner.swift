#if canImport(Glibc)
import Glibc
#endif

/// One complete line of a journal: its 1-based number, where it starts and where the next begins.
public struct JournalLine: Sendable {
    public var number: Int
    public var offset: Int64
    public var endOffset: Int64
    public var bytes: [UInt8]
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
        file = try OpenFile(path: path, flags: O_RDONLY)
        (identity, size) = try file.identity()
        position = offset
        bufferOffset = offset
        nextLineNumber = lineNumber
    }

    /// The identity of whatever file is at `path` now, or nil when there is none.
    public static func identity(at path: String) -> (FileIdentity, Int64)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)), Int64(info.st_size))
    }

    public var nextLine: Int { nextLineNumber }

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Up to `limit` complete lines; an empty result means nothing complete is left for now.
    public func read(limit: Int, chunkSize: Int = 1 << 20) throws(JournalError) -> [JournalLine] {
        var lines: [JournalLine] = []
        var scanStart = 0
        while lines.count < limit {
            let consumed = Int(position - bufferOffset)
            if let newline = buffer[max(consumed, scanStart)...].firstIndex(of: 0x0A) {
                // A byte order mark that an editor or a Windows gateway put at the file's start is no part of the line.
                let start = position == 0 && buffer[consumed..<newline].starts(with: Self.byteOrderMark) ? consumed + 3 : consumed
                let line = JournalLine(number: nextLineNumber, offset: position,
                                       endOffset: bufferOffset + Int64(newline + 1),
                                       bytes: Array(buffer[start..<newline]))
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
            let more = try file.read(at: bufferOffset + Int64(buffer.count), count: chunkSize)
            if more.isEmpty { break }
            buffer.append(contentsOf: more)
        }
        return lines
    }

    /// Bytes after the last complete line: a torn line waiting for its end.
    public var pendingBytes: Int64 {
        (try? file.identity().1).map { max(0, $0 - position) } ?? 0
    }
}
