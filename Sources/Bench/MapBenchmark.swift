import Foundation
import QanatCore
import QanatDesk
import QanatFixtures
import QanatStore
import QanatUI

/// The map on a store of N open incidents spread over every area (`qanat-bench --map
/// [--incidents N]`): a keystroke to its frame in English and Arabic, beside the incidents board's
/// on the same store; what it reads after one incident arrives, beside reading every area; and the
/// bytes the real desk in tmux sends its terminal for that arrival, beside its first full draw.
struct MapBenchmark {
    let directory: String
    let incidents: Int

    func run() throws -> [BenchResult] {
        let database = directory + "/map.sqlite"
        let journal = directory + "/incidents.jsonl"
        try SyntheticTraffic.writeIncidentJournal(count: incidents, to: journal)
        let store = try SQLiteStore.create(path: database)
        let openings = try Self.ingest(journal, into: store)
        // Beside it, as many messages: their ingest asks nothing of the events before them, where each
        // opening is checked against an earlier opening of its incident.
        let messagesJournal = directory + "/messages.jsonl"
        try SyntheticTraffic.writeMessageJournal(count: incidents, to: messagesJournal)
        let messages = try Self.ingest(
            messagesJournal, into: try SQLiteStore.create(path: directory + "/messages.sqlite"))
        var state = DeskState(
            width: 160, height: 48, language: .en, officer: "bench", agency: try AgencyCode("CD"),
            now: Timestamp(millisecondsSinceEpoch: 1_795_000_000_000))
        try DeskLoader(store: store).load(into: &state)
        let board = keystrokes(state, keys: [.down, .down, .up, .up])
        _ = state.handle(.function(8))
        try DeskLoader(store: store).load(into: &state, refresh: .map)
        let english = keystrokes(state, keys: Self.mapKeys)
        var arabic = state
        _ = arabic.handle(.character("L"))
        let arabicKeys = keystrokes(arabic, keys: Self.mapKeys)
        let (touched, whole, areasRead) = try arrivals(store, state)
        let (update, full, idle) = try terminalBytes(
            database: database, store: store, area: state.selectedPlace?.id ?? "district.tripoli")
        let open = try store.openIncidentCounts(in: nil).values.reduce(0) { $0 + $1.values.reduce(0, +) }
        return [
            BenchResult(
                what:
                    "ingest \(incidents.formatted()) incident openings from a journal (each checked for an earlier one)",
                figure: String(format: "%.0f lines/s", openings),
                baseline: String(format: "as many messages: %.0f lines/s", messages),
                goal: "≥ 0.5 × messages", verdict: openings >= 0.5 * messages ? "met" : "MISSED"),
            BenchResult(
                what: "map: keystroke → frame, 160×48 (arrows, zoom in and out; \(open.formatted()) open incidents)",
                figure: String(format: "p50 %.2f ms, p99 %.2f ms", english.p50, english.p99),
                baseline: String(format: "incidents board ↑↓: p50 %.2f, p99 %.2f ms", board.p50, board.p99),
                goal: "p99 ≤ 10 ms", verdict: english.p99 <= 10 ? "met" : "MISSED"),
            .arabicKeystrokes(
                "map: keystroke → frame in Arabic (labels and panel reordered and shaped)", arabic: arabicKeys,
                english: english),
            BenchResult(
                what: "map: counts read after one incident arrives (the areas it lies in)",
                figure: String(
                    format: "p50 %.2f ms, max %.2f ms; %d area(s) read", touched.p50, touched.p99, areasRead),
                baseline: String(format: "every area (%d): p50 %.1f ms", Gazetteer.libya.areas.count, whole.p50),
                goal: "only the areas the change lies in", verdict: areasRead == 1 ? "met" : "MISSED"),
            BenchResult(
                what: "map: bytes to the terminal when one incident arrives (160×48, the real desk in tmux)",
                figure: "\(update) bytes (incl. clock ticks: \(idle) bytes/s idle)",
                baseline: "first full draw of the map: \(full) bytes",
                goal: "≤ 300 bytes", verdict: update <= 300 ? "met" : "MISSED"),
        ]
    }

    /// Lines a second that one ingest of `journal` applies.
    private static func ingest(_ journal: String, into store: SQLiteStore) throws -> Double {
        let start = monotonicNanoseconds()
        let report = try JournalIngest(store: store, journalPath: journal).run(now: {
            Timestamp(millisecondsSinceEpoch: 0)
        })
        let seconds = Double(monotonicNanoseconds() - start) / 1e9
        guard report.rejected == 0 else { throw CocoaError(.fileReadCorruptFile) }
        return Double(report.ingested) / max(seconds, 1e-9)
    }

    /// Round the districts and into one and out, as an officer looks around.
    static let mapKeys: [KeyPress] = [
        .right, .right, .down, .down, .left, .left, .up, .up, .character("+"), .right, .down, .character("-"),
    ]

    private func keystrokes(_ initial: DeskState, keys: [KeyPress]) -> Percentiles {
        keystrokeTimes(initial, count: 1200) { keys[$0 % keys.count] }
    }

    /// One incident opened at a time, as the loop reads after it: the changes, then the map's
    /// counts in the areas they touched; beside a whole read. Also how many areas each read asked for.
    private func arrivals(_ store: SQLiteStore, _ initial: DeskState) throws -> (Percentiles, Percentiles, Int) {
        var state = initial
        var sequence = try store.changes(after: nil, limit: 0).lastSequence
        var (touched, whole): ([Double], [Double]) = ([], [])
        var areasRead = 0
        for i in 0..<50 {
            let at = Timestamp(millisecondsSinceEpoch: 1_795_000_000_000 + Int64(i))
            let reference = IncidentReference(year: 2026, number: 900_000 + i)
            try store.apply([
                Event(
                    id: .make(at: at), at: at, agency: try AgencyCode("CD"), officer: "bench", user: nil,
                    payload: .incidentOpened(
                        IncidentOpening(
                            reference: reference, title: "arrival \(i)", type: .flashFlood, severity: .severe,
                            area: "derna")))
            ])
            var t0 = monotonicNanoseconds()
            let changes = try store.changes(after: sequence, limit: 1000)
            let plan = DeskRefresh.plan(asked: [], changes: changes, firstRead: false, state: state)
            try DeskLoader(store: store).load(
                into: &state, plan: ReloadPlan(refresh: .map, changedIncidents: plan.changedIncidents))
            touched.append(Double(monotonicNanoseconds() - t0) / 1e6)
            sequence = changes.lastSequence
            areasRead = max(areasRead, try store.areas(of: Array(plan.changedIncidents ?? [])).count)
            t0 = monotonicNanoseconds()
            let all = try DeskLoader(store: store).areaTallies(nil, changedIncidents: nil)
            whole.append(Double(monotonicNanoseconds() - t0) / 1e6)
            precondition(all == state.data.areaTallies, "kept up as a whole read gives")
        }
        return (Percentiles(touched), Percentiles(whole), areasRead)
    }

    /// The real desk on the map; one severe incident arrives in the selected place (`area`: the
    /// desk's own, which the map selects where it is worst), so that its counts in the panel change;
    /// the marks of 100,000 incidents show 999+ and would not (an extreme one brings the alert's
    /// banner too, on any board). Bytes until its frame is drawn, with what the pane's idle second
    /// costs (the clock) for comparison.
    private func terminalBytes(database: String, store: SQLiteStore, area: String) throws -> (Int, Int, Int) {
        let desk = TmuxDesk(directory: directory, database: database, width: 160, height: 48, name: "map")
        desk.start("desk --agency CD")
        Thread.sleep(forTimeInterval: 2)
        let start = desk.size
        desk.send("F8")
        Thread.sleep(forTimeInterval: 2)
        let full = desk.size - start
        let beforeIdle = desk.size
        Thread.sleep(forTimeInterval: 1)
        let idle = desk.size - beforeIdle
        let before = desk.size
        let now = Timestamp(millisecondsSinceEpoch: Int64(Date().timeIntervalSince1970 * 1000))
        try store.apply([
            Event(
                id: .make(at: now), at: now, agency: try AgencyCode("CD"), officer: "bench", user: nil,
                payload: .incidentOpened(
                    IncidentOpening(
                        reference: IncidentReference(year: 2026, number: 990_000), title: "map arrival",
                        type: .flashFlood, severity: .severe, area: area)))
        ])
        let deadline = monotonicNanoseconds() + 5_000_000_000
        while desk.size == before, monotonicNanoseconds() < deadline { usleep(1000) }
        Thread.sleep(forTimeInterval: 0.3)
        let update = desk.size - before
        precondition(update > 0, "the arrival was drawn")
        return (update, full, idle)
    }
}
