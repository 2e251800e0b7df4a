import QanatCore
import QanatStore
import QanatUI

/// Reads what the wall shows: its counters and small windows of the boards it rotates through.
/// Only reads: the wall's store is opened read-only as well. Shared with the benchmark.
public struct WallLoader: Sendable {
    public let store: any StoreReader
    /// More rows than the tallest wall shows.
    public static let boardWindow = 150
    public static let urgentMessages = 5

    public init(store: any StoreReader) { self.store = store }

    /// One store error leaves the state as it was.
    public func load(into state: inout WallState) throws(StoreError) {
        let figures = try store.wallFigures(latest: Self.urgentMessages)
        var boards = DeskData()
        boards.incidents = try store.incidents(matching: IncidentQuery(), limit: Self.boardWindow)
        boards.units = try store.units(limit: Self.boardWindow, after: nil)
        boards.messages = try store.messages(matching: MessageQuery(), limit: Self.boardWindow).reversed()
        boards.agencies = try store.agencies().map(\.code)
        boards.gapDays = try store.setting(.gapDays)
        boards.risks = try store.risks(band: nil)
        boards.coverage = try store.coverage(
            matching: .everything,
            rules: CoverageRules(today: CalendarDate(libyaDayOf: state.now), gapDays: boards.gapDays))
        boards.relay = state.boards.relay
        let exercise = try store.isExercise()
        if exercise {
            boards.exerciseRun = try store.exerciseRun()
            boards.stopMessage = try DeskLoader(store: store).stopMessage(boards.exerciseRun)
        }
        // The map's counts, and response times, are read only while their page is up (and when it comes round).
        if state.board == .map {
            boards.areaTallies = try DeskLoader(store: store).areaTallies(nil, changedIncidents: nil)
        }
        if state.board == .performance {
            (boards.performance, boards.performancePeriod) = try DeskLoader(store: store).performance(now: state.now)
        }
        (state.figures, state.boards, state.exercise) = (figures, boards, exercise)
    }

    /// The page that comes round's own figures: response times, or the map's counts.
    public func loadPage(into state: inout WallState) throws(StoreError) {
        switch state.board {
        case .performance:
            (state.boards.performance, state.boards.performancePeriod) = try DeskLoader(store: store).performance(
                now: state.now)
        case .map: state.boards.areaTallies = try DeskLoader(store: store).areaTallies(nil, changedIncidents: nil)
        default: break
        }
    }
}
