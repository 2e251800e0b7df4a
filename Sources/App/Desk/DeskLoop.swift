import Foundation
import QanatCore
import QanatDesk
import QanatStore
import QanatTerminal
import QanatUI

/// The desk's event loop, on one thread: read a key (50 ms at most), poll the store's
/// data_version, re-read the windows when another process changed something, redraw when the
/// frame changed. The keyboard never waits for the store.
struct DeskLoop {
    let options: StoreOptions
    let screen: TerminalScreen
    var state: DeskState
    private var store: (any ChannelStore)?
    private var watcher: ChangeWatcher?
    private var lastVersion: Int64?
    private var lastFrame: Frame?
    private var lastDrawnState: DeskState?
    private var nextReconnect = Date.distantPast
    private var actions: DeskActions

    init(options: StoreOptions, screen: TerminalScreen, state: DeskState) {
        self.options = options
        self.screen = screen
        self.state = state
        actions = DeskActions(writer: ChannelWriter(journalPath: options.journalPath, officer: state.officer))
    }

    mutating func run() {
        connect()
        reload()
        while true {
            draw()
            if let key = screen.readKey(timeoutMilliseconds: 50) {
                switch state.handle(key) {
                case .quit: return
                case .loadDetail: loadDetail()
                case .reload: reload()
                case .submit(let form): actions.submit(form, state: &state, store: store)
                case .acknowledge(let id): actions.acknowledge(id, state: &state, store: store)
                case nil: break
                }
            }
            // Whole seconds: the clock is the only thing that changes on an idle desk, once a second.
            let now = Clock.now().millisecondsSinceEpoch
            state.now = Timestamp(millisecondsSinceEpoch: now - now % 1000)
            pollStore()
        }
    }

    /// Renders only when the state changed, and draws only when the frame did.
    private mutating func draw() {
        guard state != lastDrawnState else { return }
        lastDrawnState = state
        let frame = DeskView.render(state)
        guard frame != lastFrame else { return }
        screen.draw(frame)
        lastFrame = frame
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

    private mutating func pollStore() {
        connect()
        _ = actions.retry(store: store, state: &state)
        guard let watcher else { return }
        guard let version = try? watcher.dataVersion() else {
            state.store = .busy
            return
        }
        if version != lastVersion { reload() }
    }

    private mutating func reload() {
        guard let store, let watcher else { return }
        do {
            lastVersion = try watcher.dataVersion()
            try DeskLoader(store: store).load(into: &state)
            state.store = .live
        } catch {
            state.store = error.isUnavailable ? .busy : .offline(reason: error.description)
        }
    }

    /// Only the detail: moving through incidents with the detail open reads one incident, not every window.
    private mutating func loadDetail() {
        guard let store else { return }
        do {
            state.data.detail = try state.detailReference.flatMap { reference throws(StoreError) in
                try DeskLoader(store: store).detail(reference)
            }
        } catch {
            state.store = error.isUnavailable ? .busy : .offline(reason: error.description)
        }
    }
}
