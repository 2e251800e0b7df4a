import Foundation
import QanatChannel
import QanatCore
import QanatJournal

/// What only the service reads: the officers' PIN hashes and the desk sessions it gave at
/// sign-on. Members hand a PIN to the service over its socket; its hash never enters an event, a
/// journal or the store, so no member can guess it offline. One file beside the store (`.vault`),
/// the service's, 0600; `rebuild` never touches it.
public final class ServiceVault: DeskSessions, @unchecked Sendable {
    struct Session: Codable {
        var user: String
        /// The officer's name as entries are matched (`MemberKey.officerKey`).
        var officer: String
        var key: String
        /// Milliseconds since 1970 when it was given.
        var since: Int64
    }

    struct Contents: Codable {
        var pins: [String: String] = [:]
        var sessions: [String: Session] = [:]
    }

    public let path: String
    private let lock = NSLock()
    private var contents = Contents()
    /// Attempts not yet proven right, by entry: counted before the slow hash is checked, so that
    /// attempts made at once are throttled like attempts made one after another.
    private var attempts: [String: (count: Int, last: Date)] = [:]

    /// Wrong PINs allowed before each further attempt waits, and the longest wait.
    static let freeAttempts = 3
    static let longestWait = 300.0
    /// A session's lines are proven for this long after sign-on at most (a shift, and a journal kept
    /// while the service was away); a sign-off ends it sooner.
    static let sessionLifetime: Int64 = 86_400_000

    /// Reads the vault at `path`, or starts an empty one. A file that is not the service's own, or
    /// that others may read or write, is refused: someone planted it or opened it up.
    public init(path: String) throws(ServiceError) {
        self.path = path
        var info = stat()
        guard lstat(path, &info) == 0 else {
            guard errno == ENOENT else { throw .system("lstat \(path)", errno) }
            return
        }
        guard info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid(), info.st_mode & 0o077 == 0 else {
            throw .untrustedVault(path: path)
        }
        guard let data = FileManager.default.contents(atPath: path),
            let contents = try? JSONDecoder().decode(Contents.self, from: data)
        else { throw .untrustedVault(path: path) }
        self.contents = contents
    }

    static func entry(user: String, officer: String?) -> String {
        MemberKey(user: user, officer: officer).folded.description
    }

    /// Keeps `pin`'s hash for the entry, replacing any before.
    public func setPIN(_ pin: String, user: String, officer: String?) throws(ServiceError) {
        let hash = PINHash.hash(pin)
        lock.lock()
        defer { lock.unlock() }
        contents.pins[Self.entry(user: user, officer: officer)] = hash
        attempts[Self.entry(user: user, officer: officer)] = nil
        try save()
    }

    /// An officer on `user`'s shared account signing on with `pin`: a session for their desk, or why not.
    public func signOn(user: String, officer: String, pin: String, now: Date = Date()) -> SignOnAnswer {
        let entry = Self.entry(user: user, officer: officer)
        lock.lock()
        guard let hash = contents.pins[entry] else {
            lock.unlock()
            return .noPIN
        }
        if let tried = attempts[entry], tried.count >= Self.freeAttempts {
            let wait = min(Self.longestWait, 5 * pow(2, Double(tried.count - Self.freeAttempts)))
            let left = tried.last.addingTimeInterval(wait).timeIntervalSince(now)
            if left > 0 {
                lock.unlock()
                return .throttled(seconds: Int(left.rounded(.up)))
            }
        }
        attempts[entry] = ((attempts[entry]?.count ?? 0) + 1, now)
        lock.unlock()
        guard PINHash.verify(pin, against: hash) else { return .wrongPIN }
        let id = UUID().uuidString.lowercased()
        let key = LineSeal.newKeyHex()
        lock.lock()
        defer { lock.unlock() }
        attempts[entry] = nil
        let millis = Int64(now.timeIntervalSince1970 * 1000)
        contents.sessions = contents.sessions.filter { millis - $0.value.since < Self.sessionLifetime }
        contents.sessions[id] = Session(
            user: user, officer: MemberKey(user: user, officer: officer).officerKey, key: key, since: millis)
        do { try save() } catch { return .failed("\(error)") }
        return .signedOn(session: id, key: key)
    }

    public func proves(owner: String, officer: String, session: String, signed: [UInt8], mac: String) -> Bool {
        lock.lock()
        let found = contents.sessions[session]
        lock.unlock()
        guard let found, found.user == owner, found.officer == MemberKey(user: owner, officer: officer).officerKey,
            Int64(Date().timeIntervalSince1970 * 1000) - found.since < Self.sessionLifetime
        else { return false }
        return LineSeal.verifies(signed, mac: mac, keyHex: found.key)
    }

    /// What the vault records of sessions ended (the service's log).
    public var said: @Sendable (String) -> Void = { _ in }

    public func end(owner: String, session: String) {
        lock.lock()
        defer { lock.unlock() }
        guard let ended = contents.sessions[session], ended.user == owner else { return }
        said("signed off: \(MemberKey(user: owner, officer: ended.officer).description)")
        contents.sessions[session] = nil
        // Kept in memory even if the vault cannot be written now: it is written with the next change.
        try? save()
    }

    /// Written whole beside itself and moved into place: a crash leaves the old vault or the new.
    private func save() throws(ServiceError) {
        let data: Data
        do { data = try JSONEncoder().encode(contents) } catch { throw .system("encode \(path)", EINVAL) }
        let temporary = path + ".new"
        unlink(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .system("open \(temporary)", errno) }
        let written = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd)
        close(fd)
        guard written == data.count, synced == 0, rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw .system("write \(path)", code)
        }
    }
}
