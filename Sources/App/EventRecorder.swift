import QanatChannel
import QanatCore
import QanatJournal
import QanatStore

/// A command's writes: the shared `WriteSession`, its errors turned into exit codes. When the
/// store is busy or unreachable the event is already in the journal: the command says so and
/// exits 3, and a later `qanat ingest` applies it.
final class EventRecorder {
    let options: StoreOptions
    private(set) var session: WriteSession

    convenience init(options: StoreOptions, officer: OfficerOptions) throws(CLIError) {
        try self.init(options: options, officerName: officer.officerName)
    }

    /// On a session made by the caller: `init` records the first admin in the store it holds open.
    init(options: StoreOptions, session: WriteSession) {
        self.options = options
        self.session = session
    }

    init(options: StoreOptions, officerName: String) throws(CLIError) {
        self.options = options
        do {
            session = try WriteSession.open(
                storePath: options.databasePath, journalPath: options.journalPath, officer: officerName,
                busyTimeout: options.busyTimeout)
        } catch { throw Self.exit(error) }
    }

    /// The store, when it could be opened; checks that need its state are skipped without it.
    var store: (any StoreWriter)? { session.store }
    var actor: Actor? { session.actor }
    /// The checks, against the store's agencies as the command found them: read once, as a command
    /// is short (an exercise's set-up checks ten thousand injects against them).
    var actions: Actions {
        get throws(CLIError) {
            if let checks { return checks }
            let fresh: Actions
            do { fresh = try session.actions() } catch { throw .from(error) }
            checks = fresh
            return fresh
        }
    }
    private var checks: Actions?

    /// Runs a check from `Actions` and records its event; validation errors exit 2, refusals 4.
    @discardableResult
    func record(_ check: (Actions) throws -> Actions.Write) throws -> Event {
        let write: Actions.Write
        do { write = try check(try actions) } catch { throw CLIError.fromDomain(error) }
        let event = try event(write)
        try record(event)
        return event
    }

    /// The acting agency: the option, else `QANAT_AGENCY`, else this member's own agency, else MOI.
    func agency(_ option: String?) -> String { actingAgency(option, member: session.actor?.member) }

    /// Runs a check from `Actions` that is not a write, mapping its errors to exit codes.
    func check<T>(_ body: (Actions) throws -> T) throws -> T {
        do { return try body(try actions) } catch { throw CLIError.fromDomain(error) }
    }

    /// Refuses (exit 4) what the member's role does not allow as a whole.
    func require(_ action: GuardedAction) throws(CLIError) {
        do { try session.require(action) } catch { throw .refused(error) }
    }

    /// The event for `write`, if the member's role allows it.
    func event(_ write: Actions.Write) throws -> Event {
        do { return try session.event(write) } catch { throw CLIError.fromDomain(error) }
    }

    /// Throws `.storeUnavailable` (exit 3) when the event is only in the journal.
    func record(_ event: Event) throws(CLIError) { try record([event]) }

    /// Several events in one append to the journal and one transaction of the store.
    func record(_ events: [Event]) throws(CLIError) {
        let outcome: WriteSession.Outcome
        do { outcome = try session.record(events) } catch { throw .from(error) }
        if case .kept(let error) = outcome {
            let reason = error.map { "\($0)" } ?? "store unavailable"
            let what = events.count == 1 ? "event \(events[0].id)" : "\(events.count) events"
            let later =
                session.service.map { "the service (\($0.user)) applies it when it runs" }
                ?? "`qanat ingest` applies it later"
            throw .storeUnavailable("\(reason); \(what) kept in \(options.journalPath); \(later)")
        }
    }

    /// Throws `.storeUnavailable` naming why when the store could not be opened.
    func requireStore(_ what: String) throws(CLIError) -> any StoreWriter {
        guard let store = session.store else {
            throw .storeUnavailable("\(what): \(session.storeProblem.map { "\($0)" } ?? "unavailable")")
        }
        return store
    }

    private static func exit(_ error: any Error) -> CLIError {
        switch CLIError.fromDomain(error) {
        case let error as CLIError: error
        default: .badData("\(error)")
        }
    }
}
