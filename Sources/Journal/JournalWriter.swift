import QanatCore

#if canImport(Glibc)
    import Glibc
#endif

/// Appends events to a journal file that several processes share. Each append takes an
/// exclusive advisory lock, hashes the last line into the new one, writes the line with one
/// `write` and `fsync`s before returning: once `append` returns, the event survives a crash.
public struct JournalWriter: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// The hash that chains the first line of a journal.
    public static let genesisHash = String(repeating: "0", count: 64)

    @discardableResult
    public func append(_ event: Event) throws(JournalError) -> Int64 {
        try append([event])
    }

    /// Appends several events in one write, each chained to the one before. Returns the offset
    /// just past the last line.
    /// `seal`: the desk session that seals each line (`LineSeal`), while a PIN-guarded officer is signed on.
    @discardableResult
    public func append(_ events: [Event], seal: LineSeal? = nil) throws(JournalError) -> Int64 {
        let file = try OpenFile(path: path, flags: O_RDWR | O_APPEND | O_CREAT)
        try file.lock(LOCK_EX)
        defer { flock(file.descriptor, LOCK_UN) }
        let (_, size) = try file.identity()
        var (previous, endsWithNewline) = try lastLine(of: file, size: size)
        var bytes: [UInt8] = []
        // A writer that died mid-line left a torn fragment: end it, so our line stays whole.
        if !endsWithNewline { bytes.append(0x0A) }
        for event in events {
            let line = EventCodec.encode(
                event, previousLineHash: previous.map { LineHash.hex($0) } ?? Self.genesisHash, seal: seal)
            bytes.append(contentsOf: line)
            bytes.append(0x0A)
            previous = line
            endsWithNewline = true
        }
        do {
            try file.writeAll(bytes)
            try file.sync()
        } catch {
            // Disk full or a failing device: cut back to where our line began, still under the
            // lock, so that no writer's next line is glued to a fragment of ours.
            _ = ftruncate(file.descriptor, off_t(size))
            throw error
        }
        return size + Int64(bytes.count)
    }

    /// The bytes of the last line (without its newline), and whether the file ends with one.
    private func lastLine(of file: OpenFile, size: Int64) throws(JournalError) -> ([UInt8]?, Bool) {
        guard size > 0 else { return (nil, true) }
        var tail: [UInt8] = []
        var start = size
        let chunk: Int64 = 4096
        repeat {
            let from = max(0, start - chunk)
            tail = try file.read(at: from, count: Int(start - from)) + tail
            start = from
            // Look for the newline before the last line (skipping the file's final newline).
            let searchEnd = tail.last == 0x0A ? tail.count - 1 : tail.count
            if let newline = tail[..<searchEnd].lastIndex(of: 0x0A) {
                return (Array(tail[(newline + 1)..<searchEnd]), tail.last == 0x0A)
            }
        } while start > 0
        let ends = tail.last == 0x0A
        return (Array(ends ? tail.dropLast() : tail[...]), ends)
    }
}
