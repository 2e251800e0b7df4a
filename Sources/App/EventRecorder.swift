import QanatCore
import QanatJournal
import QanatStore

/// The write path every command shares: validate, append to the journal (fsync), then apply to
/// the store. If the store is busy or unreachable the event is already safe in the journal; the
/// command says so and exits 3, and a later `qanat ingest` applies it.
struct EventRecorder {
    let options: StoreOptions
    let officer: String
    /// nil when the store could not be opened (the reason is in `storeProblem`); checks that
    /// need the current state are then skipped.
    let store: (any ChannelStore)?
    let storeProblem: StoreError?
    let context: WriteContext

    init(options: StoreOptions, officer: OfficerOptions) throws(CLIError) {
        self.options = options
        do { self.officer = try WriteContext(agencies: []).officer(officer.officerName) } catch { throw .from(error) }
        var opened: (any ChannelStore)?
        var context = WriteContext(agencies: Set(Agency.seed.map(\.code)))
        var problem: StoreError?
        do {
            let store = try SQLiteStore(path: options.databasePath, options: .init(busyTimeout: options.busyTimeout))
            context = try store.writeContext()
            opened = store
        } catch {
            guard error.isUnavailable else { throw .from(error) }
            problem = error
        }
        self.store = opened
        self.storeProblem = problem
        self.context = context
    }

    func makeEvent(agency: AgencyCode, payload: EventPayload) -> Event {
        let now = Clock.now()
        return Event(id: .make(at: now), at: now, agency: agency, officer: officer, user: UnixUser.current, payload: payload)
    }

    /// Records the event; throws `.storeUnavailable` (exit 3) when it is only in the journal.
    func record(_ event: Event) throws(CLIError) {
        do { try JournalWriter(path: options.journalPath).append(event) } catch { throw .from(error) }
        guard let store else {
            throw .storeUnavailable("\(storeProblem.map { "\($0)" } ?? "store unavailable"); event \(event.id) kept in \(options.journalPath) — `qanat ingest` applies it later")
        }
        do {
            try store.apply([event])
        } catch {
            throw .storeUnavailable("\(error); event \(event.id) kept in \(options.journalPath) — `qanat ingest` applies it later")
        }
    }
}
