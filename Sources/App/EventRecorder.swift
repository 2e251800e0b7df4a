import QanatChannel
import QanatCore
import QanatJournal
import QanatStore

/// A command's write: checks through `Actions`, then the shared write path. When the store is
/// busy or unreachable the event is already in the journal: the command says so and exits 3,
/// and a later `qanat ingest` applies it.
struct EventRecorder {
    let options: StoreOptions
    /// nil when the store could not be opened (the reason is in `storeProblem`); checks that
    /// need the current state are then skipped.
    let store: (any StoreWriter)?
    let storeProblem: StoreError?
    let writer: ChannelWriter
    let actions: Actions

    init(options: StoreOptions, officer: OfficerOptions) throws(CLIError) {
        try self.init(options: options, officerName: officer.officerName)
    }

    init(options: StoreOptions, officerName: String) throws(CLIError) {
        self.options = options
        let name: String
        do { name = try WriteContext(agencies: []).officer(officerName) } catch { throw .from(error) }
        var opened: (any StoreWriter)?
        var context = WriteContext.seeded
        var problem: StoreError?
        var actor: Actor?
        do {
            let store = try SQLiteStore(path: options.databasePath, options: .init(busyTimeout: options.busyTimeout))
            context = try store.writeContext()
            // The command line proves no PIN: an officer's entry that one guards is the desk's, at sign-on.
            actor = try store.actor(user: UnixUser.current, officer: name, pinProven: false)
            opened = store
            options.prepareJournalDirectory()
        } catch {
            guard error.isUnavailable else { throw .from(error) }
            problem = error
        }
        if let exercise = opened as? SQLiteStore { try options.checkExerciseJournal(exercise) }
        store = opened
        storeProblem = problem
        writer = ChannelWriter(journalPath: options.journalPath, officer: name, actor: actor)
        actions = Actions(context: context, store: opened)
    }

    /// Runs a check from `Actions` and records its event; validation errors exit 2.
    @discardableResult
    func record(_ check: (Actions) throws -> Actions.Write) throws -> Event {
        let write: Actions.Write
        do {
            write = try check(actions)
        } catch {
            throw CLIError.fromDomain(error)
        }
        let event = try event(write)
        do { try actions.checkKeepsAnAdmin(write) } catch { throw CLIError.fromDomain(error) }
        try record(event)
        return event
    }

    /// The acting agency: the option, else `QANAT_AGENCY`, else this member's own agency, else MOI.
    func agency(_ option: String?) -> String { actingAgency(option, member: writer.actor?.member) }

    /// Runs a check from `Actions` that is not a write, mapping its errors to exit codes.
    func check<T>(_ body: (Actions) throws -> T) throws -> T {
        do { return try body(actions) } catch { throw CLIError.fromDomain(error) }
    }

    /// The event for `write`, if the member's role allows it.
    func event(_ write: Actions.Write) throws(CLIError) -> Event {
        do { return try writer.event(write) } catch { throw .refused(error) }
    }

    /// Throws `.storeUnavailable` (exit 3) when the event is only in the journal.
    func record(_ event: Event) throws(CLIError) { try record([event]) }

    /// Several events in one append to the journal and one transaction of the store.
    func record(_ events: [Event]) throws(CLIError) {
        let outcome: ChannelWriter.Outcome
        do { outcome = try writer.record(events, store: store) } catch { throw .from(error) }
        if case .kept(let error) = outcome {
            let reason = (error ?? storeProblem).map { "\($0)" } ?? "store unavailable"
            let what = events.count == 1 ? "event \(events[0].id)" : "\(events.count) events"
            throw .storeUnavailable("\(reason); \(what) kept in \(options.journalPath) — `qanat ingest` applies it later")
        }
    }
}
