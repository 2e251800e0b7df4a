import Foundation
import QanatCore
import QanatStore

/// A member's connection to a service store: it reads the store, numbers references through the
/// service, and after an event is in the journal waits for the service to apply it.
public final class ServiceLink: Sendable {
    public let reader: any StoreReader
    public let owner: ServiceOwner
    public let client: ServiceClient
    /// How long a write waits for the service (the command's `--wait`).
    public let wait: Double

    public init(reader: any StoreReader, owner: ServiceOwner, wait: Double) {
        self.reader = reader
        self.owner = owner
        self.wait = wait
        client = ServiceClient(store: reader.path, owner: owner, timeout: max(0.2, min(wait, 2)))
    }

    /// What came of waiting for a write.
    public enum Wait: Equatable, Sendable {
        case applied
        /// The service runs but has not applied it within the wait.
        case pending
        /// No service listens: nothing applies it before one runs again.
        case serviceAway
    }

    /// Waits until the store holds every one of `ids`, or `wait` runs out. The service says when
    /// (it knows when it applies); if it cannot be asked, the store is watched.
    public func awaitApplied(_ ids: [EventID]) -> Wait {
        let deadline = Date().addingTimeInterval(wait)
        let names = ids.map(\.rawValue)
        func held() -> Bool { (try? reader.absentEvents(names))?.isEmpty == true }
        if held() { return .applied }
        if ids.count <= ServiceReply.appliedLimit.ids,
            let reply = try? client.ask(
                .applied(ids: names, within: min(wait, ServiceReply.appliedLimit.seconds)), waiting: wait),
            let applied = reply.applied
        {
            return applied ? .applied : .pending
        }
        // No service listening: the writer is told at once rather than after its whole wait (an
        // officer on the radio is waiting too).
        guard client.listens else { return held() ? .applied : .serviceAway }
        return watch(names, until: deadline) ? .applied : .pending
    }

    /// Asks the store after each commit the kernel reports (and every 50 ms) until `deadline`.
    private func watch(_ names: [String], until deadline: Date) -> Bool {
        // Wakes the wait when the store's WAL is written; without it (no inotify), polled.
        let watcher = try? ChangeWatcher(path: reader.path)
        var waiting = names
        while true {
            // Drained before asking, so a commit after the question still wakes the poll below.
            _ = watcher?.takeNotifications()
            if let absent = try? reader.absentEvents(waiting) { waiting = absent }
            if waiting.isEmpty { return true }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { return false }
            let milliseconds = Int32(min(remaining, 0.05) * 1000) + 1
            if let descriptor = watcher?.descriptor {
                var wake = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                _ = poll(&wake, 1, milliseconds)
            } else {
                usleep(useconds_t(milliseconds) * 1000)
            }
        }
    }

    /// Those of `ids` the service has applied by now.
    public func applied(_ ids: [EventID]) -> Set<EventID>? {
        guard let absent = try? reader.absentEvents(ids.map(\.rawValue)) else { return nil }
        let missing = Set(absent)
        return Set(ids.filter { !missing.contains($0.rawValue) })
    }
}

/// How a process reaches the store: writing it itself (an embedded store), or reading it while
/// its service writes (a service store).
public enum StoreConnection: Sendable {
    case direct(any StoreWriter)
    case service(ServiceLink)

    public var reader: any StoreReader {
        switch self {
        case .direct(let store): store
        case .service(let link): link.reader
        }
    }

    /// The store opened for writing; nil on a service store, which this process only reads.
    public var writer: (any StoreWriter)? {
        if case .direct(let store) = self { store } else { nil }
    }

    public var references: any IncidentReferenceSource {
        switch self {
        case .direct(let store): store
        case .service(let link): link.client
        }
    }

    /// A service store is read, and its service takes the writes; any other is opened for writing.
    /// `busyTimeout` is how long a write waits for a locked store, `serviceWait` for the service
    /// (the same unless given: the desk waits longer for a service than for a lock).
    public static func open(storePath: String, busyTimeout: Double, serviceWait: Double? = nil) throws(StoreError)
        -> StoreConnection
    {
        let wait = serviceWait ?? busyTimeout
        if let reader = try? SQLiteStore.reader(at: storePath, busyTimeout: min(busyTimeout, 1)),
            let owner = (try? reader.serviceOwner()) ?? nil
        {
            return .service(ServiceLink(reader: reader, owner: owner, wait: wait))
        }
        do {
            return .direct(try SQLiteStore(path: storePath, options: .init(busyTimeout: busyTimeout)))
        } catch .serviceOwned(_, let owner) {
            // Became a service store between the two looks: read it as one.
            let reader = try SQLiteStore.reader(at: storePath, busyTimeout: min(busyTimeout, 1))
            return .service(ServiceLink(reader: reader, owner: owner, wait: wait))
        }
    }
}
