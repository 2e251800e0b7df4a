import Crypto
import QanatCore

/// A desk's proof that a line was written where a PIN-guarded officer signed on. At sign-on the
/// store's service gives that desk a session and a key of its own; each line the desk writes then
/// names the session and ends with an HMAC-SHA256 over the line without its MAC. A line copied
/// into another journal, or written by anyone else on the shared account, carries no valid MAC.
public struct LineSeal: Sendable {
    /// The session's id, as the service gave it.
    public let session: String
    private let key: [UInt8]

    public init?(session: String, keyHex: String) {
        guard Self.isSessionID(session), let key = [UInt8](hex: keyHex), key.count == 32 else { return nil }
        self.session = session
        self.key = key
    }

    /// A new key for a session, as hex.
    public static func newKeyHex() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }.hexString
    }

    /// `line` (a whole JSON object naming this session) with its MAC added as the last member.
    func sealed(_ line: [UInt8]) -> [UInt8] {
        Array(line.dropLast()) + Array(",\"mac\":\"\(Self.mac(line, key: SymmetricKey(data: key)))\"}".utf8)
    }

    /// The MAC a line without it must carry under `keyHex`.
    public static func mac(_ signed: [UInt8], keyHex: String) -> String? {
        guard let key = [UInt8](hex: keyHex), key.count == 32 else { return nil }
        return mac(signed, key: SymmetricKey(data: key))
    }

    private static func mac(_ signed: [UInt8], key: SymmetricKey) -> String {
        Array(HMAC<SHA256>.authenticationCode(for: signed, using: key)).hexString
    }

    /// Whether `mac` is the MAC of `signed` under `keyHex`, compared in constant time.
    public static func verifies(_ signed: [UInt8], mac: String, keyHex: String) -> Bool {
        guard let key = [UInt8](hex: keyHex), key.count == 32, let code = [UInt8](hex: mac), code.count == 32 else {
            return false
        }
        return HMAC<SHA256>.isValidAuthenticationCode(code, authenticating: signed, using: SymmetricKey(data: key))
    }

    static let suffix = Array(",\"mac\":\"".utf8)

    /// A sealed line without its MAC — the bytes the MAC covers — or nil when it ends otherwise.
    public static func signedPart(of line: [UInt8]) -> [UInt8]? {
        let tail = suffix.count + 64 + 2
        guard line.count > tail, line.suffix(2) == Array("\"}".utf8),
            Array(line[(line.count - tail)..<(line.count - tail + suffix.count)]) == suffix
        else { return nil }
        return Array(line[..<(line.count - tail)]) + [UInt8(ascii: "}")]
    }

    /// A session id as the service makes them: a UUID's text.
    public static func isSessionID(_ text: String) -> Bool {
        text.utf8.count == 36 && (try? EventID(text)) != nil
    }
}

/// The desk sessions the store's service gave at sign-on: whether a sealed line in `owner`'s
/// journal comes from the desk where `officer` signed on.
public protocol DeskSessions: Sendable {
    func proves(owner: String, officer: String, session: String, signed: [UInt8], mac: String) -> Bool
    /// The officer signed off at that desk: no line after it is theirs.
    func end(owner: String, session: String)
}

extension JournalEntry {
    /// Whether `sessions` prove this entry, read from `line`, came from its officer's desk. A proven
    /// sign-off ends its session: the lines before it in the journal were proven already.
    public func proven(by sessions: (any DeskSessions)?, line: [UInt8], owner: String) -> Bool {
        guard let sessions, let session, let mac, let signed = LineSeal.signedPart(of: line),
            sessions.proves(owner: owner, officer: event.officer, session: session, signed: signed, mac: mac)
        else { return false }
        if event.type == .shiftSignedOff { sessions.end(owner: owner, session: session) }
        return true
    }
}
