import Foundation

/// What a member's process asks the store's service: one JSON line each way on its socket.
public enum ServiceRequest: Codable, Equatable, Sendable {
    /// Whether the service is there, and who the caller is to it (the kernel's word).
    case hello
    /// The next incident reference of `year`: numbered by the one process that writes the counters.
    case reference(year: Int64)
}

/// The service's answer: what was asked for, or why not.
public struct ServiceReply: Codable, Equatable, Sendable {
    /// The caller's Unix user, as the kernel named it to the service.
    public var caller: String?
    public var reference: String?
    public var refusal: String?

    public init(caller: String? = nil, reference: String? = nil, refusal: String? = nil) {
        self.caller = caller
        self.reference = reference
        self.refusal = refusal
    }
}
