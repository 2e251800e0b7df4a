import Foundation
import QanatChannel
import QanatCore
import QanatStore
import QanatUI

/// The wall's loop: sleep until a key, a change to the store's files or the next second (its
/// rotation and staleness), re-read when another process committed, redraw the cells that
/// changed. It holds only read-only connections, so nothing it does can change the store.
public struct WallLoop {
    let path: String
    let screen: any Screen
    public private(set) var state: WallState
    private var store: (any StoreReader)?
    private var watcher: ChangeWatcher?
    private var lastVersion: Int64?
    private var painter = FramePainter<WallState>()
    private var nextAttempt = Date.distantPast
    private var wake = StoreWake()
    private var relay = RelayWatch()

    public init(path: String, screen: any Screen, state: WallState) {
        self.path = path
        self.screen = screen
        self.state = state
    }

    public mutating func run() {
        while true {
            poll()
            painter.paint(state, on: screen, render: WallView.render)
            let key = screen.readKey(
                timeoutMilliseconds: wake.sleep(until: state.nextTimedChange, watcher),
                wakingOn: wake.descriptors(watcher))
            if let key, state.handle(key) { return }
            let shown = state.board
            state.tick(Clock.now())
            if [.performance, .map].contains(state.board), shown != state.board, let store {
                do { try WallLoader(store: store).loadPage(into: &state) } catch { failed(error) }
            }
        }
    }

    /// Re-reads when another process committed; an unreadable store is tried again every 2 s.
    private mutating func poll() {
        if store == nil {
            guard Date() >= nextAttempt else { return }
            do {
                store = try SQLiteStore.reader(at: path, busyTimeout: 0.2)
                watcher = try ChangeWatcher(path: path)
            } catch {
                failed(error)
                return
            }
        }
        if let news = relay.news(beside: path) { state.boards.relay = news }
        guard let store, let watcher, wake.shouldAsk(watcher, settled: state.health == .live) else { return }
        do {
            let version = try watcher.dataVersion()
            guard version != lastVersion || state.health != .live else { return }
            wake.sawChange()
            try WallLoader(store: store).load(into: &state)
            if lastVersion != nil, version != lastVersion { state.lastChange = Clock.now() }
            lastVersion = version
            state.health = .live
        } catch {
            failed(error)
        }
    }

    private mutating func failed(_ error: StoreError) {
        (store, watcher) = (nil, nil)
        state.health = .unreadable(reason: error.description)
        nextAttempt = Date().addingTimeInterval(2)
    }
}
