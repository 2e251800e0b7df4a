import Foundation
import QanatCore

/// `<journal>.rejects`: one JSON line per journal line that could not be taken, naming the
/// line, the reason and the line's text (base64 too, when its bytes are not UTF-8), so that
/// nothing a writer sent is lost even when it cannot be applied.
public struct RejectsFile: Sendable {
    public let path: String
    let journalPath: String
    /// A service's: its rejects hold members' lines whole, which only the service (and root) read,
    /// as only the journal's owner and the service read the journal.
    let servicesOwn: Bool

    /// Beside the journal, or in `directory`: a service store keeps its members' rejects in a
    /// directory of its own, where no member can plant a file that would stop ingest.
    public init(journalPath: String, directory: String? = nil) {
        self.journalPath = journalPath
        servicesOwn = directory != nil
        path =
            directory.map { $0 + "/" + (journalPath as NSString).lastPathComponent + ".rejects" }
            ?? journalPath + ".rejects"
    }

    public struct Rejection: Sendable {
        public var journal: String
        public var line: Int
        public var offset: Int64
        public var reason: String
        public var bytes: [UInt8]

        public init(journal: String, line: Int, offset: Int64, reason: String, bytes: [UInt8]) {
            self.journal = journal
            self.line = line
            self.offset = offset
            self.reason = reason
            self.bytes = bytes
        }
    }

    /// Why a file found at a rejects file's name is not one this process may write into (someone
    /// else's, or one others may edit: whoever ingests may be root); nil when it may.
    public static func distrust(_ info: stat, journalPath: String) -> String? {
        var journal = stat()
        let journalOwner = stat(journalPath, &journal) == 0 ? journal.st_uid : geteuid()
        if info.st_mode & S_IFMT == S_IFLNK || info.st_mode & S_IFMT == S_IFIFO {
            return "a link or a pipe, not a rejects file: someone planted it"
        }
        guard info.st_mode & S_IFMT == S_IFREG, [geteuid(), 0, journalOwner].contains(info.st_uid),
            info.st_uid == geteuid() || info.st_mode & 0o022 == 0
        else { return "\(UnixAccounts.userName(info.st_uid))'s, not a rejects file this ingest may trust" }
        return nil
    }

    /// Where a rejected line was, as a rejects entry names it. Its text is read again from the
    /// journal itself when it is retried: the journal, not this file, says what was written and by whom.
    public struct Entry: Equatable, Sendable {
        public var journal: String
        public var line: Int
        public var offset: Int64
        public var reason: String
    }

    /// Every readable entry, in the order written (an entry torn by a crash is skipped), and how
    /// many lines could not be read.
    public func entries() throws(JournalError) -> (entries: [Entry], unreadable: Int) {
        let scanner = try JournalScanner(path: path)
        var entries: [Entry] = []
        var unreadable = 0
        while true {
            let lines = try scanner.read(limit: 1_000)
            guard !lines.isEmpty else { break }
            for line in lines {
                let value = line.bytes.withUnsafeBufferPointer { bytes in
                    UTF8Check.firstInvalidByte(bytes) == nil ? try? JSONParser.parse(bytes) : nil
                }
                guard case .object(let fields)? = value, case .string(let journal)? = fields["journal"],
                    case .number(let number)? = fields["line"], let lineNumber = Int(number),
                    case .number(let offsetText)? = fields["offset"], let offset = Int64(offsetText),
                    case .string(let reason)? = fields["reason"]
                else {
                    unreadable += 1
                    continue
                }
                entries.append(Entry(journal: journal, line: lineNumber, offset: offset, reason: reason))
            }
        }
        return (entries, unreadable)
    }

    public func append(_ rejections: [Rejection], at time: Timestamp) throws(JournalError) {
        guard !rejections.isEmpty else { return }
        var out: [UInt8] = []
        for rejection in rejections {
            var writer = JSONWriter()
            let text = String(decoding: rejection.bytes, as: UTF8.self)
            let isUTF8 = rejection.bytes.withUnsafeBufferPointer { UTF8Check.firstInvalidByte($0) == nil }
            writer.object([
                .string("journal", rejection.journal),
                .integer("line", rejection.line),
                .integer("offset", Int(rejection.offset)),
                .string("reason", rejection.reason),
                .string("rejectedAt", time.rfc3339),
                .string("text", text),
                .optionalString("base64", isUTF8 ? nil : Data(rejection.bytes).base64EncodedString()),
            ])
            out.append(contentsOf: writer.bytes)
            out.append(0x0A)
        }
        // Never through a link, never blocking on a planted pipe, and only into a file that no one
        // else planted or can edit: whoever ingests may be root.
        let file: OpenFile
        do { file = try OpenFile(path: path, flags: O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_NONBLOCK) } catch {
            guard error.code == ELOOP || error.code == ENXIO else { throw error }
            throw JournalError(
                path: path,
                refusing: "a link or a pipe, not a rejects file: someone planted it; remove it (`rm \(path)`)")
        }
        if let problem = Self.distrust(try file.status(), journalPath: journalPath) {
            throw JournalError(path: path, refusing: problem + "; remove it (`rm \(path)`)")
        }
        if servicesOwn { fchmod(file.descriptor, 0o600) }
        try file.lock(LOCK_EX)
        defer { flock(file.descriptor, LOCK_UN) }
        try file.writeAll(out)
        try file.sync()
    }
}
