import Foundation

/// What a member's process asks the store's service: one JSON line each way on its socket.
public enum ServiceRequest: Codable, Equatable, Sendable {
    /// Whether the service is there, and who the caller is to it (the kernel's word).
    case hello
    /// The next incident reference of `year`: numbered by the one process that writes the counters.
    case reference(year: Int64)
    /// Answer once the store holds every one of these events, or when `within` seconds have passed:
    /// a writer waits on the service rather than every writer asking the store after every commit.
    case applied(ids: [String], within: Double)
    /// An admin hands over an officer's (or a user's) PIN: the service keeps its hash, never an event.
    case setPIN(user: String, officer: String?, pin: String)
    /// An officer signs on to the caller's shared account with their PIN.
    case signOn(officer: String, pin: String)
    /// A report for a file: the service renders it from the store, records it and returns its bytes.
    case report(ReportRequest)
}

/// The service's answer to a sign-on.
public enum SignOnAnswer: Codable, Equatable, Sendable {
    /// The desk's session, and the key its lines are sealed with (`LineSeal`) while the officer is on.
    case signedOn(session: String, key: String)
    case wrongPIN
    /// Too many wrong PINs: the next attempt waits this long.
    case throttled(seconds: Int)
    /// The service holds no PIN for the entry: set before the store had a service, or never.
    case noPIN
    case failed(String)
}

/// The service's answer: what was asked for, or why not.
public struct ServiceReply: Codable, Equatable, Sendable {
    /// The caller's Unix user, as the kernel named it to the service.
    public var caller: String?
    public var reference: String?
    /// Whether every event asked about is in the store.
    public var applied: Bool?
    public var signOn: SignOnAnswer?
    /// A PIN the service now keeps.
    public var pinSet: Bool?
    /// A report the service rendered and recorded: its size and SHA-256; its bytes follow the reply's line.
    public var reportBytes: Int?
    public var reportSHA256: String?
    public var refusal: String?
    /// Whether `refusal` is the caller's role's (not a failure of the service).
    public var refused: Bool?

    public init(
        caller: String? = nil, reference: String? = nil, applied: Bool? = nil, signOn: SignOnAnswer? = nil,
        pinSet: Bool? = nil, report: ReportContent? = nil, refusal: String? = nil, refused: Bool? = nil
    ) {
        self.refused = refused
        self.caller = caller
        self.reference = reference
        self.applied = applied
        self.signOn = signOn
        self.pinSet = pinSet
        reportBytes = report?.bytes
        reportSHA256 = report?.sha256
        self.refusal = refusal
    }

    /// The most events one `applied` question may name, and the longest it may wait.
    public static let appliedLimit = (ids: 10_000, seconds: 30.0)
}
