import Foundation
import QanatChannel
import QanatCore
import QanatDesk
import QanatStore
import QanatTerminal
import QanatUI

/// The desk's event loop, on one thread: sleep until a key, a change to the store's files (the
/// kernel says so) or until what the screen shows turns over by itself (`nextTimedChange`);
/// then re-read what another process's commit touched, and redraw the cells that changed. The
/// keyboard never waits for the store.
struct DeskLoop {
    let options: StoreOptions
    let screen: any Screen
    var state: DeskState
    /// `bell = false` in the config file silences it.
    var ringsBell = true
    private var store: (any StoreWriter)?
    private var watcher: ChangeWatcher?
    private var lastVersion: Int64?
    /// The last event read; what came after it decides which windows to read again.
    private var lastSequence: Int64?
    private var painter = FramePainter<DeskState>()
    private var nextReconnect = Date.distantPast
    private var wake = StoreWake()
    private var actions: DeskActions

    init(options: StoreOptions, screen: any Screen, state: DeskState) {
        self.options = options
        self.screen = screen
        self.state = state
        actions = DeskActions(writer: ChannelWriter(journalPath: options.journalPath, officer: state.officer),
                              storePath: options.databasePath)
    }

    mutating func run() {
        options.prepareJournalDirectory()
        connect()
        reload(.all)
        // Whatever ends the session, unsent text is kept for the next one.
        defer { actions.drafts(for: state.officer).save(state.keptDrafts) }
        state.restore(drafts: actions.drafts(for: state.officer).load())
        while true {
            if state.bellPending {
                if ringsBell { screen.bell() }
                state.bellPending = false
            }
            painter.paint(state, on: screen, render: DeskView.render)
            // A log holding its first page only is read whole as soon as no key is waiting.
            let sleep = state.data.logWindowPartial ? 0 : wake.sleep(until: state.nextTimedChange, watcher)
            let waited = screen.readKey(timeoutMilliseconds: sleep, wakingOn: wake.descriptors(watcher))
            let pressed = Interrupt.take() ? .interrupt : waited
            if let key = pressed {
                switch state.handle(key) {
                case .quit: return
                case .loadDetail: reload(.detail)
                case .reload(let windows): reload(windows, firstPageOnly: true)
                case .search(let text): search(text)
                case .submit(let form): actions.submit(form, state: &state, store: store)
                case .acknowledge(let id): actions.acknowledge(id, state: &state, store: store)
                case .controlExercise(let action, let inject): actions.controlExercise(action, inject: inject, state: &state, store: store)
                case .handover: handover()
                case nil: break
                }
            }
            // Time moves on the screen only when something happened or what it shows turns over:
            // an idle desk renders about once a minute.
            let now = Clock.now()
            let reloaded = pollStore()
            if pressed == nil, state.data.logWindowPartial { reload(.messages) }
            if pressed != nil || reloaded || now >= state.nextTimedChange { state.now = now }
        }
    }

    private mutating func connect() {
        guard store == nil, Date() >= nextReconnect else { return }
        do {
            // A short timeout: a locked store shows "busy"; writes wait in the journal meanwhile.
            store = try SQLiteStore(path: options.databasePath, options: .init(busyTimeout: 0.2))
            watcher = try ChangeWatcher(path: options.databasePath)
            state.store = .live
        } catch {
            store = nil
            state.store = .offline(reason: error.description)
            nextReconnect = Date().addingTimeInterval(2)
        }
    }

    /// Who this desk is to the store's members: what its writes are checked against.
    private mutating func learnAccess() {
        // An officer on shift proved their PIN at sign-on.
        let signedOn = if case .onShift = state.shift { true } else { false }
        guard let store, let actor = try? store.actor(user: UnixUser.current, officer: state.officer, pinProven: signedOn) else { return }
        actions.writer.actor = actor
        if state.shift == .notRequired, let account = actor.member, account.shared {
            // A shared duty account: nothing until an officer signs on.
            state.shift = .awaitingSignOn
            state.form = Forms.signOn(officer: "", agency: account.agency)
        }
        let readOnly: Refusal? = switch actor.role {
        case nil: .notMember(user: actor.user)
        case .viewer: .viewerReadsOnly
        default: nil
        }
        guard readOnly != state.readOnly else { return }
        state.readOnly = readOnly
        if let readOnly { state.notice = state.localizer(readOnly) }
    }

    /// Whether anything was read: the store changed, or a write kept while it was away went in.
    private mutating func pollStore() -> Bool {
        connect()
        let retried = actions.retry(store: store, state: &state)
        guard let watcher, wake.shouldAsk(watcher, settled: state.store == .live) else { return retried }
        guard let version = try? watcher.dataVersion() else {
            state.store = .busy
            return retried
        }
        let changed = version != lastVersion
        if changed {
            wake.sawChange()
            reload([])
        }
        return retried || changed
    }

    private mutating func handover() {
        guard let store else { return }
        do {
            let report = try HandoverLoader(store: store).report(officer: state.officer, agency: state.agency, now: Clock.now())
            state.handover = HandoverScreen(lines: HandoverText.displayLines(report, state.localizer))
        } catch {
            storeFailed(error)
        }
    }

    private mutating func search(_ text: String) {
        guard let store else { return }
        do {
            state.showSearchResults(try store.search(SearchQuery(text), limit: 100), for: text)
        } catch {
            storeFailed(error)
        }
    }

    /// Reads what `asked` names and whatever the store's new events touched. The version and the
    /// sequence move on only once the read succeeded: a busy store is read again on the next poll.
    private mutating func reload(_ asked: DeskRefresh, firstPageOnly: Bool = false) {
        guard let store, let watcher else { return }
        do {
            let version = try watcher.dataVersion()
            let changes = try store.changes(after: lastSequence, limit: 1000)
            let refresh = asked.union(DeskRefresh.after(changes, detail: state.detailReference, message: state.openMessage,
                                                                  unit: state.openUnit))
            // Response times are read up to now: a message just posted belongs in them.
            if refresh.contains(.performance), state.board == .performance { state.now = Clock.now() }
            // Messages posted or acknowledged update the log's window by themselves, unless the
            // window was asked for whole (a new filter) or agencies changed who owes what.
            let changedMessages = asked.contains(.messages) || refresh.contains(.agencies) || lastSequence == nil ? nil
                : changes.subjects.map { Set($0.compactMap { subject -> EventID? in if case .message(let id) = subject { id } else { nil } }) }
            // Needs, activities and pledges read again only the cells they lie in, unless the board
            // was asked for whole (a new filter) or a setting or an organisation changed.
            let changedRecords = asked.contains(.coordination) || lastSequence == nil ? nil
                : changes.subjects.flatMap { subjects -> Set<Subject>? in
                    let records = subjects.filter(\.isCoordinationRecord)
                    return subjects.contains { if case .setting = $0 { true } else if case .agency = $0 { true } else { false } } ? nil : records
                }
            try DeskLoader(store: store).load(into: &state, refresh: refresh, changedMessages: changedMessages,
                                              changedRecords: changedRecords, firstPageOnly: firstPageOnly)
            (lastVersion, lastSequence) = (version, changes.lastSequence)
            // Only when members changed (an admin added or removed one) or a shift began or ended.
            if changes.subjects?.contains(where: \.concernsAccess) ?? true { learnAccess() }
            state.store = .live
        } catch {
            storeFailed(error)
        }
    }

    /// A locked store is "busy" (tried again on the next poll); any other error takes it offline.
    private mutating func storeFailed(_ error: StoreError) {
        state.store = error.isUnavailable ? .busy : .offline(reason: error.description)
    }
}

private extension Subject {
    var concernsAccess: Bool {
        switch self {
        case .member, .officer: true
        default: false
        }
    }
}

/// Ctrl-C reaches the desk as a key, not as the end of the process: a form being typed is
/// asked about and kept (the default would kill the desk with the text in it).
enum Interrupt {
    nonisolated(unsafe) private static var requested: sig_atomic_t = 0

    static func install() {
        signal(SIGINT) { _ in Interrupt.requested = 1 }
        // Ctrl-\ would dump core over the screen: the desk has no use for it.
        signal(SIGQUIT, SIG_IGN)
    }

    static func take() -> Bool {
        guard requested != 0 else { return false }
        requested = 0
        return true
    }
}

private extension Subject {
    var isCoordinationRecord: Bool {
        switch self {
        case .need, .activity, .pledge: true
        default: false
        }
    }
}
