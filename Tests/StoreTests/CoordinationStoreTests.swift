import QanatCore
import XCTest

@testable import QanatStore

/// The coordination's projections: written from folds, read back, the same in any order and
/// after a rebuild.
final class CoordinationStoreTests: XCTestCase {
    func testCoordinationEventsInAnyOrderAndBatchingGiveTheSameProjections() throws {
        let dir = try temporaryDirectory()
        let events = coordinationScenario(count: 2000, seed: 5)
        let reference = try SQLiteStore.create(path: dir + "/reference.sqlite")
        try reference.apply(events)
        let expected = try reference.projectionDigest()
        XCTAssertGreaterThan(try reference.needs(matching: .everything).count, 100)
        XCTAssertGreaterThan(try reference.activities(matching: .everything).count, 100)
        XCTAssertGreaterThan(try reference.pledges(on: nil).count, 50)
        for seed in UInt64(1)...4 {
            var rng = SeededGenerator(seed: seed)
            let shuffled = events.shuffled(using: &rng) + events.prefix(50)
            let store = try SQLiteStore.create(path: dir + "/shuffled-\(seed).sqlite")
            var start = 0
            while start < shuffled.count {
                let size = Int.random(in: 1...300, using: &rng)
                try store.apply(Array(shuffled[start..<min(start + size, shuffled.count)]))
                start += size
            }
            XCTAssertEqual(try store.projectionDigest(), expected, "order seed \(seed)")
        }
        XCTAssertEqual(try reference.rebuild(), events.count)
        XCTAssertEqual(try reference.projectionDigest(), expected, "a rebuild gives the same projections")
    }

    func testRecordsReadBackAsTheirFoldsAndQueriesNarrowThem() throws {
        let store = try SQLiteStore.create(path: try temporaryDirectory() + "/store.sqlite")
        let events = coordinationScenario(count: 800, seed: 9)
        try store.apply(events)
        let bySubject = Dictionary(grouping: events) { $0.subjects[0] }
        for need in try store.needs(matching: .everything) {
            XCTAssertEqual(Fold.need(bySubject[.need(need.id)] ?? []), need)
        }
        for activity in try store.activities(matching: .everything) {
            XCTAssertEqual(Fold.activity(bySubject[.activity(activity.id)] ?? []), activity)
        }
        for pledge in try store.pledges(on: nil) {
            XCTAssertEqual(Fold.pledge(bySubject[.pledge(pledge.id)] ?? []), pledge)
        }
        let risks = try store.risks(band: nil)
        XCTAssertFalse(risks.isEmpty)
        XCTAssertEqual(risks.map(\.entry.score), risks.map(\.entry.score).sorted(by: >), "highest score first")
        for risk in risks { XCTAssertEqual(Fold.risk(bySubject[.risk(risk.id)] ?? []), risk) }
        XCTAssertTrue(try store.risks(band: .high).allSatisfy { $0.entry.band == .high })
        let lrc = try AgencyCode("LRC")
        let seed = Agency.seed.first { $0.code == lrc }
        XCTAssertEqual(try store.organisation(lrc), Fold.organisation(bySubject[.agency(lrc)] ?? [], seed: seed))
        XCTAssertEqual(
            try store.setting(.gapDays),
            Fold.setting(bySubject[.setting(.gapDays)] ?? [])?.value ?? StoreSetting.gapDays.defaultValue)
        let targets = try store.responseTargets()
        XCTAssertFalse(targets.isEmpty)
        XCTAssertEqual(
            targets, ResponseMetric.allCases.compactMap { Fold.target(bySubject[.target($0)] ?? []) },
            "each metric's last target, in order")

        let dernaWash = CoordinationQuery(areas: ["derna"], sector: .wash)
        let needs = try store.needs(matching: dernaWash)
        XCTAssertFalse(needs.isEmpty)
        XCTAssertTrue(needs.allSatisfy { $0.report.area == "derna" && $0.report.sector == .wash })
        let open = try store.needs(matching: CoordinationQuery(openOnly: true))
        XCTAssertTrue(open.allSatisfy(\.status.isOpen))
        let mine = try store.activities(matching: CoordinationQuery(organisation: lrc))
        XCTAssertTrue(mine.allSatisfy { $0.registration.organisation == lrc || $0.registration.implementer == lrc })
        XCTAssertEqual(
            Set(try store.activities(matching: .everything).filter { $0.registration.implementer == lrc }.map(\.id))
                .subtracting(mine.map(\.id)), [], "an implementer's activities are its own too")
        let picture = try store.coordinationPicture(matching: dernaWash)
        XCTAssertEqual(Set(picture.pledges.map(\.made.need)).subtracting(needs.map(\.id)), [])
        let prefix = String(needs[0].id.rawValue.prefix(30))
        XCTAssertTrue(try store.recordIDs(of: .need, startingWith: prefix, limit: 5).contains(needs[0].id))
    }

    func testCoverageReadCellByCellIsTheRulesOverEveryRecord() throws {
        let store = try SQLiteStore.create(path: try temporaryDirectory() + "/store.sqlite")
        try store.apply(coordinationScenario(count: 1500, seed: 3))
        // Two organisations at work in Ghat, where nobody recorded a need: a duplicated cell.
        let at = Timestamp(millisecondsSinceEpoch: 1_795_000_000_000)
        let day = CalendarDate(libyaDayOf: at)
        try store.apply(
            ["WFP", "IOM"].map { org in
                Event(
                    id: .make(at: at), at: at, agency: try! AgencyCode(org), officer: "o", user: nil,
                    payload: .activityRegistered(
                        ActivityRegistration(
                            id: .make(at: at), organisation: try! AgencyCode(org), sector: .food, area: "ghat",
                            what: "food",
                            start: day, end: day.adding(days: 3), status: .ongoing)))
            })
        let rules = CoverageRules(
            today: CalendarDate(libyaDayOf: Timestamp(millisecondsSinceEpoch: 1_795_000_000_000)), gapDays: 5)
        for query in [
            CoordinationQuery.everything, CoordinationQuery(areas: ["derna", "district.derna"]),
            CoordinationQuery(sector: .health),
        ] {
            let expected = try store.coordinationPicture(matching: query).cells(rules)
            XCTAssertFalse(expected.isEmpty)
            XCTAssertEqual(try store.coverage(matching: query, rules: rules), expected, "\(query)")
        }
        let flagged = try store.coverage(matching: .everything, rules: rules)
        for flag in CoverageFlag.allCases {
            XCTAssertTrue(flagged.contains { $0.flags.contains(flag) }, "the scenario has a \(flag) cell")
        }
    }

    func testASettingHasItsDefaultUntilASupervisorSetsIt() throws {
        let store = try SQLiteStore.create(path: try temporaryDirectory() + "/store.sqlite")
        XCTAssertEqual(try store.setting(.gapDays), 7)
    }
}
