import Foundation
import QanatChannel
import QanatCore
import QanatDesk
import QanatStore
import QanatTerminal
import QanatUI

/// The wall's loop: wait for a key a quarter of a second at most, poll the store's
/// data_version, re-read on a change, redraw when the frame changed. It holds only read-only
/// connections, so nothing it does can change the store.
struct WallLoop {
    let path: String
    let screen: TerminalScreen
    var state: WallState
    private var store: SQLiteStore?
    private var watcher: ChangeWatcher?
    private var lastVersion: Int64?
    private var painter = FramePainter<WallState>()
    private var nextAttempt = Date.distantPast

    init(path: String, screen: TerminalScreen, state: WallState) {
        self.path = path
        self.screen = screen
        self.state = state
    }

    mutating func run() {
        while true {
            poll()
            painter.paint(state, on: screen, render: WallView.render)
            if let key = screen.readKey(timeoutMilliseconds: 250), state.handle(key) { return }
            state.tick(Clock.now())
        }
    }

    /// Re-reads when another process committed; an unreadable store is tried again every 2 s.
    private mutating func poll() {
        if store == nil {
            guard Date() >= nextAttempt else { return }
            do {
                store = try SQLiteStore(path: path, options: .init(readOnly: true, busyTimeout: 0.2))
                watcher = try ChangeWatcher(path: path)
            } catch {
                failed(error)
                return
            }
        }
        guard let store, let watcher else { return }
        do {
            let version = try watcher.dataVersion()
            guard version != lastVersion || state.health != .live else { return }
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
