import QanatCore
import XCTest

/// Response times: nearest-rank percentiles, each agency's first response, an incident counted
/// once across agencies, waiting responses over their target, the trend week by week.
final class ResponsePerformanceTests: XCTestCase {
    let start: Int64 = 1_796_000_000_000
    let cd = try! AgencyCode("CD"), lrc = try! AgencyCode("LRC"), moi = try! AgencyCode("MOI")

    func time(_ seconds: Int64) -> Timestamp { Timestamp(millisecondsSinceEpoch: start + seconds * 1000) }

    func sample(_ metric: ResponseMetric, _ agency: AgencyCode, _ subject: String, from: Int64, to: Int64?)
        -> ResponseSample
    {
        ResponseSample(metric: metric, agency: agency, subject: subject, start: time(from), end: to.map(time))
    }

    func testNearestRankPercentiles() {
        let values: [Int64] = (1...10).map { $0 * 1000 }
        XCTAssertEqual(ResponsePerformance.percentile(values, 50), 5000)
        XCTAssertEqual(ResponsePerformance.percentile(values, 90), 9000)
        XCTAssertEqual(
            ResponsePerformance.percentile(values, 91), 10000, "the smallest value with at least 91 % at or below it")
        XCTAssertEqual(ResponsePerformance.percentile([7000], 90), 7000)
        XCTAssertNil(ResponsePerformance.percentile([], 50))
    }

    func testAcknowledgementsAgainstATargetWithWaitingOnesOverIt() throws {
        let period = PerformancePeriod(since: time(0), until: time(86_400))
        var samples = (1...10).map { n in
            sample(.acknowledge, cd, "m\(n)", from: Int64(n) * 100, to: Int64(n) * 100 + Int64(n) * 10)
        }
        samples.append(sample(.acknowledge, lrc, "m1", from: 100, to: 400))
        samples.append(sample(.acknowledge, lrc, "m2", from: 200, to: nil))
        samples.append(sample(.acknowledge, lrc, "m3", from: 86_380, to: nil))
        let target = ResponseTarget(metric: .acknowledge, seconds: 60, percentile: 90)
        let figures = ResponsePerformance.figures(samples, targets: [target], period: period, now: time(86_400))
        let all = try XCTUnwrap(figures.first { $0.agency == nil && $0.metric == .acknowledge })
        XCTAssertEqual(all.completed, 11, "every agency's acknowledgement of a message counts")
        XCTAssertEqual(all.waiting, 2)
        XCTAssertEqual(all.waitingOverTarget, 1, "one has waited a day, one twenty seconds")
        let mine = try XCTUnwrap(figures.first { $0.agency == cd && $0.metric == .acknowledge })
        XCTAssertEqual(mine.p50, 50_000)
        XCTAssertEqual(mine.p90, 90_000)
        XCTAssertEqual(mine.met, false, "90 s at the 90th percentile misses 60 s")
        let theirs = try XCTUnwrap(figures.first { $0.agency == lrc && $0.metric == .acknowledge })
        XCTAssertEqual(theirs.p90, 300_000)
        XCTAssertEqual(
            figures.map(\.agency), [nil, nil, nil, nil, cd, cd, cd, cd, lrc, lrc, lrc, lrc],
            "all first, then each agency")
        XCTAssertNil(figures.first { $0.metric == .close }?.met, "no target, no verdict")
        let loose = ResponsePerformance.figures(
            samples, targets: [ResponseTarget(metric: .acknowledge, seconds: 120, percentile: 50)],
            period: period, onlyAgency: cd, now: time(86_400))
        XCTAssertEqual(loose.count, 4)
        XCTAssertEqual(loose.first?.atTargetPercentile, 50_000)
        XCTAssertEqual(loose.first?.met, true)
    }

    func testAcrossAgenciesAnIncidentCountsOnceAtItsFirstUnit() throws {
        let period = PerformancePeriod(since: time(0), until: time(3600))
        let samples = [
            sample(.assign, cd, "INC-1", from: 0, to: 300), sample(.assign, lrc, "INC-1", from: 0, to: 120),
            sample(.assign, moi, "INC-2", from: 60, to: nil), sample(.assign, cd, "INC-3", from: 0, to: nil),
            sample(.assign, lrc, "INC-3", from: 0, to: 900),
        ]
        let figures = ResponsePerformance.figures(samples, targets: [], period: period, now: time(3600))
        let all = try XCTUnwrap(figures.first { $0.agency == nil && $0.metric == .assign })
        XCTAssertEqual(all.completed, 2, "INC-1 at its first unit, INC-3 at LRC's")
        XCTAssertEqual(all.waiting, 1, "INC-2 has no unit yet")
        XCTAssertEqual(all.p50, 120_000)
        XCTAssertEqual(all.p90, 900_000)
        let cdAssign = try XCTUnwrap(figures.first { $0.agency == cd && $0.metric == .assign })
        XCTAssertEqual(cdAssign.completed, 1)
        XCTAssertEqual(cdAssign.waiting, 1)
        XCTAssertEqual(cdAssign.p50, 300_000, "per agency, its own first unit")
    }

    func testTheTrendIsTheTargetsPercentileWeekByWeekAndOnlyThePeriodCounts() throws {
        let week: Int64 = 7 * 86_400
        let period = PerformancePeriod(since: time(0), until: time(3 * week))
        XCTAssertEqual(period.weeks, 3)
        let samples = [
            sample(.close, cd, "a", from: 10, to: 3610), sample(.close, cd, "b", from: week + 10, to: week + 7210),
            sample(.close, cd, "c", from: -10, to: 100_000),
            sample(.close, cd, "d", from: 3 * week + 10, to: 3 * week + 20),
        ]
        let figures = ResponsePerformance.figures(
            samples, targets: [ResponseTarget(metric: .close, seconds: 3600, percentile: 50)],
            period: period, onlyAgency: cd, now: time(3 * week))
        let close = try XCTUnwrap(figures.first { $0.metric == .close })
        XCTAssertEqual(close.completed, 2, "one started before the period, one after")
        XCTAssertEqual(close.weekly, [3_600_000, 7_200_000, nil])
        XCTAssertEqual(close.met, true, "3600 s at the 50th percentile")
    }

    func testATargetIsTheLastSetAndItsValuesAreChecked() throws {
        func set(_ seconds: Int, at offset: Int64) -> Event {
            Event(
                id: .make(at: time(offset)), at: time(offset), agency: moi, officer: "boss", user: nil,
                payload: .targetSet(ResponseTarget(metric: .acknowledge, seconds: seconds)))
        }
        let events = [set(60, at: 10), set(90, at: 20), set(30, at: 5)]
        for _ in 0..<10 { XCTAssertEqual(Fold.target(events.shuffled())?.seconds, 90) }
        XCTAssertThrowsError(
            try WriteContext.seeded.payload(.targetSet, ["metric": .text("dispatch"), "seconds": .integer(60)])
        ) {
            XCTAssertEqual(($0 as? ValidationError)?.field, "metric")
        }
        XCTAssertThrowsError(
            try WriteContext.seeded.payload(
                .targetSet, ["metric": .text("close"), "seconds": .integer(60), "percentile": .integer(100)])
        ) {
            XCTAssertEqual("\($0)", "percentile: '100' is not between 1 and 99")
        }
        XCTAssertThrowsError(
            try WriteContext.seeded.payload(
                .reportWritten,
                [
                    "kind": .text("risks"), "file": .text("/tmp/r.md"), "sha256": .text("ABC"), "bytes": .integer(3),
                ])
        ) { XCTAssertEqual(($0 as? ValidationError)?.field, "sha256") }
    }
}
