import QanatCore
import QanatDesk
import QanatStore
import QanatUI

/// `qanat-bench --profile-loads STORE`: the desk's reads alone (ten of every window, ten after a
/// message, ten of `u`), for valgrind's callgrind, which counts instructions repeatably where
/// timings on a shared machine do not:
/// `valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*LoadProfile*measured*' BENCH --profile-loads STORE`
/// (on a copy of the binary made with `strip --strip-debug`: valgrind cannot read Swift's DWARF).
enum LoadProfile {
    static func run(database: String) throws {
        let store = try SQLiteStore(path: database)
        var state = DeskState(
            width: 160, height: 48, language: .en, officer: "bench", agency: try AgencyCode("CD"),
            now: Timestamp(millisecondsSinceEpoch: 1_795_000_000_000))
        try DeskLoader(store: store).load(into: &state)
        try measured(store, &state)
    }

    @inline(never)
    static func measured(_ store: SQLiteStore, _ state: inout DeskState) throws {
        for _ in 0..<10 { try DeskLoader(store: store).load(into: &state) }
        for _ in 0..<10 { try DeskLoader(store: store).load(into: &state, refresh: .messages) }
        _ = state.handle(.function(4))
        _ = state.handle(.character("u"))  // what awaits us
        for _ in 0..<10 { try DeskLoader(store: store).load(into: &state, refresh: .messages) }
    }

    /// `qanat-bench --profile-frames STORE`: what an idle desk does each second, its clock having
    /// moved — compare the state, render the frame, compare the frame — ten times on each board.
    static func runFrames(database: String) throws {
        let store = try SQLiteStore(path: database)
        var state = DeskState(
            width: 160, height: 48, language: .en, officer: "bench", agency: try AgencyCode("CD"),
            now: Timestamp(millisecondsSinceEpoch: 1_795_000_000_000))
        try DeskLoader(store: store).load(into: &state)
        measuredFrames(&state)
    }

    @inline(never)
    static func measuredFrames(_ state: inout DeskState) {
        var last = DeskView.render(state)
        var previous = state
        for board in [KeyPress.function(2), .function(3), .function(4)] {
            _ = state.handle(board)
            for _ in 0..<10 {
                state.clock(state.now.adding(seconds: 1))
                guard state != previous else { continue }
                previous = state
                let frame = DeskView.render(state)
                if frame != last { last = frame }
            }
        }
    }
}
