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
}

/// The service's answer: what was asked for, or why not.
public struct ServiceReply: Codable, Equatable, Sendable {
    /// The caller's Unix user, as the kernel named it to the service.
    public var caller: String?
    public var reference: String?
    /// Whether every event asked about is in the store.
    public var applied: Bool?
    public var refusal: String?

    public init(caller: String? = nil, reference: String? = nil, applied: Bool? = nil, refusal: String? = nil) {
        self.caller = caller
        self.reference = reference
        self.applied = applied
        self.refusal = refusal
    }

    /// The most events one `applied` question may name, and the longest it may wait.
    public static let appliedLimit = (ids: 10_000, seconds: 30.0)
}
