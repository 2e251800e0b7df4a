import Foundation
import QanatCore
import QanatJournal
import QanatStore

/// One writer's session on the channel, the same for the command line and the desk: the checks
/// (`actions`, against the store's current agencies), the member's role and the rule that keeps an
/// admin (`event`), then the journal (append, fsync) and the store (`record`). Once `record`
/// returns, the event is safe whatever the store did; a refused write leaves nothing anywhere.
/// Events the store could not take wait in `pending` (and in the journal) until `retry`.
public struct WriteSession: Sendable {
    public let journal: JournalTarget
    /// The file the next line goes to (the month's, for a store's own journals/).
    public var journalPath: String { journal.path }
    /// Who signs the events: on a shared duty account, the officer on shift.
    public private(set) var officer: String
    /// Who is writing, as the store's members know them; nil when the store could not be read
    /// (events made meanwhile wait in the journal, and meet the role once it is known: `retry`, ingest).
    public private(set) var actor: Actor?
    /// How this session reaches the store: writing it (embedded) or through its service; nil when
    /// it could not be opened (`storeProblem` says why): checks that need its state are skipped,
    /// and writes are kept in the journal.
    public private(set) var connection: StoreConnection?
    /// The store opened for writing (an embedded store); nil on a service store or without one.
    public var store: (any StoreWriter)? { connection?.writer }
    /// What the checks read: the store, whoever writes it.
    public var reader: (any StoreReader)? { connection?.reader }
    public private(set) var storeProblem: StoreError?
    /// Events in the journal that the store has not taken yet.
    public private(set) var pending: [Event] = []
    /// Those of `pending` made while no one knew who was writing (the store could not be read):
    /// checked against the member's role before they are applied.
    private var unchecked: Set<EventID> = []
    /// While a PIN-guarded officer is signed on through the service: what seals each line (`LineSeal`).
    public private(set) var seal: LineSeal?

    public init(journalPath: String, officer: String, store: (any StoreWriter)?, actor: Actor? = nil) {
        self.init(
            journalPath: journalPath, officer: officer, connection: store.map(StoreConnection.direct), actor: actor)
    }

    public init(journalPath: String, officer: String, connection: StoreConnection?, actor: Actor? = nil) {
        self.init(journal: .file(journalPath), officer: officer, connection: connection, actor: actor)
    }

    public init(journal: JournalTarget, officer: String, connection: StoreConnection?, actor: Actor? = nil) {
        self.journal = journal
        self.officer = officer
        self.connection = connection
        self.actor = actor
    }

    /// A command's session on the store at `storePath`: who the user is to its members (the
    /// command line proves no PIN; an entry one guards is the desk's, at sign-on). A store that is
    /// busy or unreachable leaves the session without one; any other failure throws.
    public static func open(
        storePath: String, journalPath: String, officer: String,
        busyTimeout: Double
    ) throws -> WriteSession {
        let name = try WriteContext(agencies: []).officer(officer)
        var session = WriteSession(journalPath: journalPath, officer: name, connection: nil)
        do {
            let connection = try StoreConnection.open(storePath: storePath, busyTimeout: busyTimeout)
            try session.learn(from: connection.reader, journalPath: journalPath)
            session.connection = connection
            JournalPlace.prepare(journal: journalPath, store: storePath)
        } catch let error as StoreError {
            guard error.isUnavailable else { throw error }
            session.storeProblem = error
            // A store that cannot be written now (locked) can often still be read: who is writing
            // and whether it is an exercise's are then known, and the event kept is checked and
            // journalled where it belongs, as if the store had taken it.
            if let reader = try? SQLiteStore.reader(at: storePath, busyTimeout: min(busyTimeout, 1)) {
                session.actor = try? reader.actor(user: UnixUser.current, officer: name, pinProven: false)
                try Self.checkJournal(journalPath, for: reader)
            }
        }
        return session
    }

    /// Who is writing (the command line proves no PIN), and that the journal is where this store's
    /// events belong.
    private mutating func learn(from store: any StoreReader, journalPath: String) throws {
        actor = try store.actor(user: UnixUser.current, officer: officer, pinProven: false)
        try Self.checkJournal(journalPath, for: store)
    }

    /// An exercise store's events are journalled in its own directory only: a journal elsewhere
    /// (QANAT_JOURNAL left pointing at the real one) would carry them into the real store at ingest.
    /// Real paths are compared, links resolved, and a link at the journal's own name is refused: a
    /// `journals/` or a journal linked to the real ones must not pass for the exercise's.
    public static func checkJournal(_ journalPath: String, for store: any StoreReader) throws(ChannelError) {
        guard (try? store.isExercise()) == true else { return }
        let home = URL(fileURLWithPath: store.path).deletingLastPathComponent().resolvingSymlinksInPath().path
        let journal = URL(fileURLWithPath: journalPath)
        let directory = journal.deletingLastPathComponent().resolvingSymlinksInPath().path
        var info = stat()
        let linked = lstat(journalPath, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
        guard !linked, (directory + "/").hasPrefix(home + "/") else {
            throw .exerciseJournalElsewhere(journal: journalPath, exercise: home)
        }
    }

    /// The checks, against the agencies the store knows now; the seeded ones when it is busy or away.
    public func actions() throws(ChannelError) -> Actions {
        guard let connection else { return Actions(context: .seeded, store: nil) }
        let context: WriteContext
        do { context = try connection.reader.writeContext() } catch {
            guard error.isUnavailable else { throw .store(error) }
            context = .seeded
        }
        return Actions(context: context, reader: connection.reader, references: connection.references)
    }

    /// The event for `write`, if the member's role allows it and it leaves the store an admin.
    /// Throws `Refusal`, or `ChannelError` when the members could not be read.
    public func event(_ write: Actions.Write) throws -> Event {
        if let actor { try Authority.check(write.payload, agency: write.agency, by: actor) }
        try Actions(context: .seeded, reader: reader, references: nil).checkKeepsAnAdmin(write)
        let now = Clock.now()
        return Event(
            id: .make(at: now), at: now, agency: write.agency, officer: officer, user: UnixUser.current,
            payload: write.payload)
    }

    /// Refuses `action` as a whole when the member's role does not allow it (an import, which
    /// speaks for many organisations); without the store's members, each event is checked at ingest.
    public func require(_ action: GuardedAction) throws(Refusal) {
        if let actor { try Authority.require(action, by: actor) }
    }

    public enum Outcome: Sendable {
        case applied
        /// In the journal only: the store was unavailable (its error, when it was asked); a later
        /// ingest or `retry` applies it.
        case kept(StoreError?)
    }

    @discardableResult
    public mutating func record(_ event: Event) throws(ChannelError) -> Outcome { try record([event]) }

    /// Events in one append (one `fsync`) and one transaction: all applied, or all kept.
    @discardableResult
    public mutating func record(_ events: [Event]) throws(ChannelError) -> Outcome {
        do { try JournalWriter(path: journalPath).append(events, seal: seal) } catch { throw .journal(error) }
        switch connection {
        case nil:
            keep(events)
            return .kept(storeProblem)
        case .direct(let store):
            do {
                try store.apply(Self.stamped(events))
                return .applied
            } catch {
                keep(events)
                return .kept(error)
            }
        case .service(let link):
            // The service reads the journal and applies it; the writer only watches for it.
            let waited = link.awaitApplied(events.map(\.id))
            if waited == .applied { return .applied }
            keep(events)
            return .kept(
                .unavailable(
                    path: link.reader.path,
                    reason: waited == .serviceAway
                        ? "its service (\(link.owner.user)) is not running"
                        : "its service (\(link.owner.user)) has not applied it within \(Self.seconds(link.wait))"))
        }
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    /// Whether a service writes the store: then a kept event is the service's to apply, not `retry`'s.
    public var service: ServiceOwner? {
        if case .service(let link) = connection { link.owner } else { nil }
    }

    private mutating func keep(_ events: [Event]) {
        pending += events
        if actor == nil { unchecked.formUnion(events.map(\.id)) }
    }

    /// What a retry did: the events that went in, and those refused once the member was known
    /// (they stay in the journal, where ingest refuses them too).
    public struct Retry: Sendable {
        public var applied: [Event] = []
        public var refused: [(event: Event, refusal: Refusal)] = []
    }

    /// Applies what the store could not take before; nil when nothing changed. An event made while
    /// no one knew who was writing is first checked against the member's role, as it would have
    /// been: until the member is known it waits.
    public mutating func retry() -> Retry? {
        guard !pending.isEmpty, let connection else { return nil }
        switch connection {
        case .service(let link): return appliedByService(link)
        case .direct(let store): return retry(in: store)
        }
    }

    /// Those of `pending` the service has applied since (it held them to the member's role as it
    /// read them); one it refused stays pending, and in its rejects.
    private mutating func appliedByService(_ link: ServiceLink) -> Retry? {
        guard let applied = link.applied(pending.map(\.id)), !applied.isEmpty else { return nil }
        var result = Retry()
        result.applied = pending.filter { applied.contains($0.id) }
        pending.removeAll { applied.contains($0.id) }
        unchecked.subtract(applied)
        return result
    }

    /// Events as this process hands them to the store it writes: received now (a service stamps
    /// what it reads itself).
    static func stamped(_ events: [Event]) -> [Event] {
        let now = Clock.now()
        return events.map { event in
            var event = event
            event.received = now
            return event
        }
    }

    private mutating func retry(in store: any StoreWriter) -> Retry? {
        var result = Retry()
        var checked: [Event] = []
        for event in pending {
            guard unchecked.contains(event.id) else {
                checked.append(event)
                continue
            }
            guard let actor else { return nil }
            do {
                try Authority.check(event.payload, agency: event.agency, by: actor)
                checked.append(event)
            } catch {
                result.refused.append((event, error))
            }
        }
        guard (try? store.apply(Self.stamped(checked))) != nil else { return nil }
        result.applied = checked
        pending.removeAll()
        unchecked.removeAll()
        return result
    }

    /// The store (re)connected or lost: a desk's session follows its loop's connection.
    public mutating func use(_ connection: StoreConnection?, problem: StoreError? = nil) {
        self.connection = connection
        storeProblem = connection == nil ? problem : nil
    }

    /// Who is writing, as the store's members know them now (an admin changed them, or a shift began).
    public mutating func learned(_ actor: Actor) { self.actor = actor }

    /// An officer signed on to a shared duty account: the events are theirs from now on, sealed
    /// with the session the service gave when their entry is PIN-guarded on a service store.
    public mutating func signOn(officer: String, actor: Actor, seal: LineSeal? = nil) {
        self.officer = officer
        self.actor = actor
        self.seal = seal
    }

    /// The shift ended: nothing more is sealed for its officer.
    public mutating func signedOff() { seal = nil }

    /// The service's socket, when the store has one: sign-on asks it.
    public var serviceClient: ServiceClient? {
        if case .service(let link) = connection { link.client } else { nil }
    }
}
