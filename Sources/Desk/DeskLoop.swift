import Foundation
import QanatChannel
import QanatCore
import QanatStore
import QanatUI

/// The desk's event loop, on one thread: sleep until a key, a change to the store's files (the
/// kernel says so) or until what the screen shows turns over by itself (`nextTimedChange`);
/// then re-read what another process's commit touched, and redraw the cells that changed. The
/// keyboard never waits for the store. What an effect comes to goes back to the state as a
/// `DeskOutcome`; the loop itself changes the state only through its methods.
public struct DeskLoop {
    let storePath: String
    let screen: any Screen
    public private(set) var state: DeskState
    /// `bell = false` in the config file silences it.
    let ringsBell: Bool
    private var store: (any StoreReader)?
    private var watcher: ChangeWatcher?
    private var lastVersion: Int64?
    /// The last event read; what came after it decides which windows to read again.
    private var lastSequence: Int64?
    private var painter = FramePainter<DeskState>()
    private var nextReconnect = Date.distantPast
    /// A service store's service, asked now and then whether it answers.
    private var service: ServiceLink?
    private var nextServiceCheck = Date.distantPast
    private var relay = RelayWatch()
    /// Whether the store's service answered when last asked; nil before it is asked.
    private var serviceAnswers: Bool?
    private var wake = StoreWake()
    private var actions: DeskActions

    /// A desk on the store at `storePath` writing to `journal`, keeping drafts under `draftsDirectory`.
    public init(
        storePath: String, journal: JournalTarget, draftsDirectory: String, screen: any Screen, state: DeskState,
        ringsBell: Bool = true
    ) {
        self.storePath = storePath
        self.screen = screen
        self.state = state
        self.ringsBell = ringsBell
        JournalPlace.prepare(journal: journal.path, store: storePath)
        actions = DeskActions(
            session: WriteSession(journal: journal, officer: state.officer, connection: nil),
            storePath: storePath, draftsDirectory: draftsDirectory)
    }

    public mutating func run() {
        connect()
        reload(.all)
        // Whatever ends the session, unsent text is kept for the next one.
        defer { actions.drafts(for: state.officer).save(state.keptDrafts) }
        state.restore(drafts: actions.drafts(for: state.officer).load())
        while true {
            if state.bellPending {
                if ringsBell { screen.bell() }
                state.bellRung()
            }
            painter.paint(state, on: screen, render: DeskView.render)
            // A log holding its first page only is read whole as soon as no key is waiting.
            // On a service store the desk asks after its service every two seconds: a killed one leaves no
            // notice to wake on.
            let sleep =
                state.data.logWindowPartial
                ? 0
                : min(
                    wake.sleep(until: state.nextTimedChange, watcher),
                    service == nil ? Int32.max : Int32(Self.serviceCheckInterval * 1000))
            let waited = screen.readKey(timeoutMilliseconds: sleep, wakingOn: wake.descriptors(watcher))
            let pressed = Interrupt.take() ? .interrupt : waited
            if let key = pressed {
                switch state.handle(key) {
                case .quit: return
                case .loadDetail: reload(.detail)
                case .reload(let windows): reload(windows, firstPageOnly: true)
                case .search(let text): search(text)
                case .submit(let form): if let outcome = actions.submit(form, state: state) { state.apply(outcome) }
                case .acknowledge(let id): state.apply(actions.acknowledge(id, state: state))
                case .controlExercise(let action, let inject):
                    state.apply(actions.controlExercise(action, inject: inject, state: state))
                case .handover: handover()
                case nil: break
                }
                let stale = state.takeStaleWindows()
                if !stale.isEmpty { reload(stale, firstPageOnly: true) }
            }
            // Time moves on the screen only when something happened or what it shows turns over:
            // an idle desk renders about once a minute.
            let now = Clock.now()
            let reloaded = pollStore()
            if pressed == nil, state.data.logWindowPartial { reload(.messages) }
            if pressed != nil || reloaded || now >= state.nextTimedChange { state.clock(now) }
        }
    }

    private mutating func connect() {
        guard store == nil, Date() >= nextReconnect else { return }
        do {
            // A short timeout: a locked store shows "busy"; writes wait in the journal meanwhile.
            // On a service store the desk reads, and its writes wait for the service a moment
            // (a second at most: it is usually a few milliseconds, and the keyboard waits meanwhile).
            let connection = try StoreConnection.open(storePath: storePath, busyTimeout: 0.2, serviceWait: 1)
            store = connection.reader
            if case .service(let link) = connection { service = link }
            watcher = try ChangeWatcher(path: storePath)
            actions.use(connection)
            state.apply(.store(.live))
        } catch {
            store = nil
            state.apply(.store(.offline(reason: error.description)))
            nextReconnect = Date().addingTimeInterval(2)
        }
    }

    /// On a service store, whether its service answers, asked every few seconds: the store reads
    /// as usual while it is stopped, but writes wait in the journal, and the status bar says so.
    private mutating func checkService() {
        guard let service else { return }
        if Date() >= nextServiceCheck {
            nextServiceCheck = Date().addingTimeInterval(Self.serviceCheckInterval)
            serviceAnswers = (try? service.client.ask(.hello)) != nil
        }
        // Also when a read has just made the store live: a desk started with its service stopped
        // says so from its first frame.
        switch (state.store, serviceAnswers) {
        case (.live, false?): state.apply(.store(.serviceAway))
        case (.serviceAway, true?): state.apply(.store(.live))
        default: break
        }
    }

    static let serviceCheckInterval: TimeInterval = 2

    /// A site's relay: looked at as the service is, read when its file changed.
    private mutating func checkRelay() {
        guard let store, let news = relay.news(beside: store.path) else { return }
        state.apply(.relay(news))
    }

    /// Who this desk is to the store's members: what its writes are checked against.
    private mutating func learnAccess() {
        // An officer on shift proved their PIN at sign-on.
        let signedOn = if case .onShift = state.shift { true } else { false }
        guard let store,
            let actor = try? store.actor(user: UnixUser.current, officer: state.officer, pinProven: signedOn)
        else { return }
        actions.learned(actor)
        state.apply(.accessLearned(actor))
    }

    /// Whether anything was read: the store changed, or a write kept while it was away went in.
    private mutating func pollStore() -> Bool {
        connect()
        let retried = actions.retry()
        if let retried { state.apply(retried) }
        checkService()
        checkRelay()
        let settled = state.store == .live || state.store == .serviceAway
        guard let watcher, wake.shouldAsk(watcher, settled: settled) else { return retried != nil }
        guard let version = try? watcher.dataVersion() else {
            state.apply(.store(.busy))
            return retried != nil
        }
        let changed = version != lastVersion
        if changed {
            wake.sawChange()
            reload([])
            checkService()
        }
        return retried != nil || changed
    }

    private mutating func handover() {
        guard let store else { return }
        do {
            state.apply(
                .handover(
                    try HandoverLoader(store: store).report(
                        officer: state.officer, agency: state.agency, now: Clock.now())))
        } catch {
            storeFailed(error)
        }
    }

    private mutating func search(_ text: String) {
        guard let store else { return }
        do {
            state.apply(.searchResults(try store.search(SearchQuery(text), limit: 100), for: text))
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
            let plan = DeskRefresh.plan(asked: asked, changes: changes, firstRead: lastSequence == nil, state: state)
            // Response times are read up to now: a message just posted belongs in them.
            if plan.refresh.contains(.performance), state.board == .performance { state.clock(Clock.now()) }
            try DeskLoader(store: store).load(into: &state, plan: plan, firstPageOnly: firstPageOnly)
            (lastVersion, lastSequence) = (version, changes.lastSequence)
            if plan.access { learnAccess() }
            // Read: live, unless its service is known to be away (the store reads all the same).
            if state.store != .serviceAway { state.apply(.store(.live)) }
        } catch {
            storeFailed(error)
        }
    }

    /// A locked store is "busy" (tried again on the next poll); any other error takes it offline.
    private mutating func storeFailed(_ error: StoreError) {
        state.apply(.store(error.isUnavailable ? .busy : .offline(reason: error.description)))
    }
}
