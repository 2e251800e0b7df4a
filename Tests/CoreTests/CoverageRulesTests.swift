import XCTest

@testable import QanatCore

/// Duplication, gaps and delays on hand-built scenarios: each rule, each exception, and the
/// same answer whatever order the records come in.
final class CoverageRulesTests: XCTestCase {
    let today = try! CalendarDate("2026-12-02", field: "today")
    var rules: CoverageRules { CoverageRules(today: today, gapDays: 7) }
    let derna = "derna"

    func code(_ text: String) -> AgencyCode { try! AgencyCode(text) }

    func id(_ n: Int) -> RecordID { try! RecordID("00000000-0000-7000-8000-\(String(n).leftPadded(to: 12))") }

    func day(_ offset: Int) -> CalendarDate { today.adding(days: offset) }

    /// A Libya noon `daysAgo` days before today.
    func reported(_ daysAgo: Int) -> Timestamp {
        Timestamp(millisecondsSinceEpoch: (today.dayNumber - Int64(daysAgo)) * 86_400_000 + 10 * 3_600_000)
    }

    func need(
        _ n: Int, quantity: Int = 100, status: NeedStatus = .reported, daysAgo: Int = 1, sector: Sector = .shelter
    ) -> Need {
        Need(
            report: NeedReport(
                id: id(n), area: derna, sector: sector, what: "tents", quantity: quantity, unit: "tents",
                organisation: code("LRC")),
            status: status, reportedAt: reported(daysAgo))
    }

    func activity(
        _ n: Int, _ org: String, implementer: String? = nil, from: Int = -2, to: Int = 10,
        status: ActivityStatus = .ongoing, needs: [Int] = [], sector: Sector = .shelter
    ) -> Activity {
        Activity(
            registration: ActivityRegistration(
                id: id(100 + n), organisation: code(org), implementer: implementer.map(code), sector: sector,
                area: derna,
                what: "distribution", start: day(from), end: day(to), status: status, needs: needs.map(id)),
            registeredAt: reported(3))
    }

    func pledge(_ n: Int, need: Int, _ org: String, _ quantity: Int, _ status: PledgeStatus = .delivering) -> Pledge {
        Pledge(
            made: PledgeMade(id: id(200 + n), need: id(need), organisation: code(org), quantity: quantity),
            status: status,
            madeAt: reported(2))
    }

    func flags(needs: [Need] = [], activities: [Activity] = [], pledges: [Pledge] = []) -> Set<CoverageFlag> {
        let cells = rules.cells(needs: needs, activities: activities, pledges: pledges)
        XCTAssertLessThanOrEqual(cells.count, 1)
        return cells.first?.flags ?? []
    }

    // MARK: duplicated

    func testTwoOrganisationsOverlappingWithNoNeedAreDuplicated() {
        XCTAssertEqual(flags(activities: [activity(1, "IMC"), activity(2, "LRC")]), [.duplicated])
        let cell = rules.cells(needs: [], activities: [activity(1, "IMC"), activity(2, "LRC")], pledges: [])[0]
        XCTAssertEqual(cell.duplicatedBy.map(\.rawValue), ["IMC", "LRC"])
    }

    func testDatesThatDoNotOverlapOrOneOrganisationAloneAreNotDuplicated() {
        XCTAssertEqual(
            flags(activities: [activity(1, "IMC", from: -5, to: -1), activity(2, "LRC", from: 0, to: 5)]), [.delayed])
        XCTAssertEqual(flags(activities: [activity(1, "IMC"), activity(2, "IMC")]), [])
        // The end date is inclusive: ending on the day the other starts is an overlap.
        XCTAssertEqual(
            flags(activities: [activity(1, "IMC", from: -5, to: 0), activity(2, "LRC", from: 0, to: 5)]), [.duplicated])
    }

    func testTheImplementerIsTheOrganisationThatCounts() {
        // WFP funds LRC's work, and LRC works there itself: one organisation on the ground.
        XCTAssertEqual(flags(activities: [activity(1, "WFP", implementer: "LRC"), activity(2, "LRC")]), [])
        XCTAssertEqual(flags(activities: [activity(1, "WFP", implementer: "LRC"), activity(2, "WFP")]), [.duplicated])
    }

    func testInactiveActivitiesDoNotDuplicate() {
        XCTAssertEqual(flags(activities: [activity(1, "IMC", status: .finished), activity(2, "LRC")]), [])
        XCTAssertEqual(flags(activities: [activity(1, "IMC", status: .cancelled), activity(2, "LRC")]), [])
    }

    func testAnOpenNeedMakesOverlapLegitimateUnlessTwoOrganisationsCoverItBeyondItsQuantity() {
        let both = [activity(1, "IMC", needs: [1]), activity(2, "LRC", needs: [1])]
        XCTAssertEqual(flags(needs: [need(1)], activities: both, pledges: [pledge(1, need: 1, "IMC", 60)]), [])
        XCTAssertEqual(
            flags(
                needs: [need(1)], activities: both,
                pledges: [pledge(1, need: 1, "IMC", 60), pledge(2, need: 1, "LRC", 60)]), [.duplicated])
        // Beyond its quantity by one organisation alone is not duplication between organisations.
        XCTAssertEqual(flags(needs: [need(1)], activities: both, pledges: [pledge(1, need: 1, "IMC", 160)]), [])
        // Pledged only (not delivering) does not cover.
        XCTAssertEqual(
            flags(
                needs: [need(1)], activities: both,
                pledges: [pledge(1, need: 1, "IMC", 60, .pledged), pledge(2, need: 1, "LRC", 60)]), [])
        // A met need is not open: the overlap is duplicated again.
        XCTAssertEqual(flags(needs: [need(1, status: .met)], activities: both), [.duplicated])
    }

    // MARK: gap

    func testAnOpenNeedNothingAnswersIsAGap() {
        XCTAssertEqual(flags(needs: [need(1)]), [.gap])
        XCTAssertEqual(flags(needs: [need(1, status: .verified)]), [.gap])
        XCTAssertEqual(flags(needs: [need(1, status: .closed)]), [])
        XCTAssertEqual(flags(needs: [need(1)], activities: [activity(1, "IMC", needs: [1])]), [])
        XCTAssertEqual(flags(needs: [need(1)], pledges: [pledge(1, need: 1, "IMC", 10, .pledged)]), [])
        // An activity that names another need, or one that is finished, does not answer it.
        XCTAssertEqual(flags(needs: [need(1)], activities: [activity(1, "IMC", needs: [2])]), [.gap])
        XCTAssertEqual(flags(needs: [need(1)], activities: [activity(1, "IMC", status: .finished, needs: [1])]), [.gap])
        XCTAssertEqual(flags(needs: [need(1)], pledges: [pledge(1, need: 1, "IMC", 10, .withdrawn)]), [.gap])
    }

    func testAnOldNeedStillNotCoveredIsAGapOnceOlderThanTheSetting() {
        let answered = [activity(1, "IMC", needs: [1])]
        XCTAssertEqual(
            flags(needs: [need(1, daysAgo: 7)], activities: answered, pledges: [pledge(1, need: 1, "IMC", 50)]), [])
        XCTAssertEqual(
            flags(needs: [need(1, daysAgo: 8)], activities: answered, pledges: [pledge(1, need: 1, "IMC", 50)]), [.gap])
        XCTAssertEqual(
            flags(
                needs: [need(1, daysAgo: 8)], activities: answered,
                pledges: [pledge(1, need: 1, "IMC", 100, .delivered)]), [])
        let patient = CoverageRules(today: today, gapDays: 30)
        XCTAssertEqual(
            patient.cells(needs: [need(1, daysAgo: 8)], activities: answered, pledges: [pledge(1, need: 1, "IMC", 50)])[
                0
            ].flags, [])
    }

    // MARK: delayed

    func testPlannedPastItsStartOrOngoingPastItsEndIsDelayed() {
        XCTAssertEqual(flags(activities: [activity(1, "IMC", from: -1, to: 5, status: .planned)]), [.delayed])
        XCTAssertEqual(flags(activities: [activity(1, "IMC", from: 0, to: 5, status: .planned)]), [])
        XCTAssertEqual(flags(activities: [activity(1, "IMC", from: -9, to: -1, status: .ongoing)]), [.delayed])
        XCTAssertEqual(flags(activities: [activity(1, "IMC", from: -9, to: 0, status: .ongoing)]), [])
        XCTAssertEqual(flags(activities: [activity(1, "IMC", from: -9, to: -1, status: .finished)]), [])
        XCTAssertEqual(flags(activities: [activity(1, "IMC", from: -9, to: -1, status: .cancelled)]), [])
    }

    func testACellMayCarrySeveralFlags() {
        let late = [activity(1, "IMC", from: -3, to: 5, status: .planned), activity(2, "LRC")]
        XCTAssertEqual(flags(needs: [need(1, status: .closed)], activities: late), [.duplicated, .delayed])
        XCTAssertEqual(flags(needs: [need(1)], activities: late), [.gap, .delayed])
    }

    // MARK: cells

    func testCellsSumOpenNeedsAndTheirCoverageAndNameWhoIsPresent() {
        let cells = rules.cells(
            needs: [
                need(1, quantity: 100), need(2, quantity: 40), need(3, quantity: 500, status: .met),
                need(4, sector: .health),
            ],
            activities: [activity(1, "IMC", implementer: "LRC", needs: [1]), activity(2, "WFP", status: .finished)],
            pledges: [
                pledge(1, need: 1, "UNHCR", 30), pledge(2, need: 2, "IOM", 10, .pledged),
                pledge(3, need: 2, "WHO", 5, .withdrawn),
            ])
        XCTAssertEqual(cells.map(\.key.sector), [.shelter, .health])
        let shelter = cells[0]
        XCTAssertEqual(shelter.needed, 140)
        XCTAssertEqual(shelter.covered, 30)
        XCTAssertEqual(shelter.units, ["tents"])
        XCTAssertEqual(shelter.organisations.map(\.rawValue), ["IOM", "LRC", "UNHCR"])
        XCTAssertEqual(shelter.openNeeds, 2)
        XCTAssertEqual(shelter.activeActivities, 1)
    }

    func testNeedsOfDifferentUnitsAreNotAddedUp() {
        var blankets = need(2, quantity: 50)
        blankets.report.unit = "blankets"
        let cell = rules.cells(
            needs: [need(1, quantity: 300), blankets], activities: [],
            pledges: [pledge(1, need: 1, "IMC", 150), pledge(2, need: 2, "LRC", 50)])[0]
        XCTAssertEqual(
            cell.totals,
            [
                CoverageCell.Total(unit: "blankets", needed: 50, covered: 50),
                CoverageCell.Total(unit: "tents", needed: 300, covered: 150),
            ])
        XCTAssertEqual(cell.share, 0.75, "half the tents and all the blankets: three quarters, not 200 of 350")
        let single = rules.cells(
            needs: [need(1, quantity: 300)], activities: [], pledges: [pledge(1, need: 1, "IMC", 150)])[0]
        XCTAssertEqual(single.share, 0.5)
        XCTAssertNil(rules.cells(needs: [], activities: [activity(1, "IMC")], pledges: [])[0].share)
        let overPledged = rules.cells(
            needs: [need(1, quantity: 300), blankets], activities: [],
            pledges: [pledge(1, need: 1, "IMC", 180), pledge(2, need: 2, "LRC", 500)])[0]
        XCTAssertEqual(overPledged.share, 0.8, "blankets count as fully covered, not five times: (1 + 0.6) / 2")
    }

    func testTheSameRecordsInAnyOrderGiveTheSameCells() {
        let needs = (1...6).map { need($0, quantity: 10 * $0, daysAgo: $0 * 2, sector: Sector.allCases[$0 % 3]) }
        let activities = (1...8).map {
            activity(
                $0, ["IMC", "LRC", "WFP"][$0 % 3], from: -$0, to: 4 - $0,
                status: [.planned, .ongoing][$0 % 2], needs: [$0 % 6 + 1], sector: Sector.allCases[$0 % 3])
        }
        let pledges = (1...8).map {
            pledge($0, need: $0 % 6 + 1, ["IOM", "WHO"][$0 % 2], 7 * $0, [.pledged, .delivering, .delivered][$0 % 3])
        }
        let expected = rules.cells(needs: needs, activities: activities, pledges: pledges)
        XCTAssertFalse(expected.allSatisfy(\.flags.isEmpty))
        for _ in 0..<25 {
            XCTAssertEqual(
                rules.cells(needs: needs.shuffled(), activities: activities.shuffled(), pledges: pledges.shuffled()),
                expected)
        }
    }

    // MARK: the warning before saving

    func testRegisteringAnOverlappingActivityNamesTheOtherOrganisations() {
        let existing = [activity(1, "IMC"), activity(2, "WFP", implementer: "LRC", from: 20, to: 30)]
        let proposed = activity(3, "UNICEF", from: 0, to: 25).registration
        XCTAssertEqual(
            rules.duplicationWarning(
                for: proposed, registeredAt: reported(0), needs: [], activities: existing, pledges: []
            )
            .map(\.rawValue), ["IMC", "LRC"])
        let elsewhere = activity(3, "UNICEF", sector: .health).registration
        XCTAssertEqual(
            rules.duplicationWarning(
                for: elsewhere, registeredAt: reported(0), needs: [], activities: existing, pledges: []), [])
        // An open need, not over-covered, makes the overlap legitimate: no warning.
        XCTAssertEqual(
            rules.duplicationWarning(
                for: proposed, registeredAt: reported(0), needs: [need(1)], activities: existing, pledges: []), [])
    }

    func testDatesAreCalendarDays() throws {
        XCTAssertEqual(try CalendarDate("2026-12-02", field: "d").description, "2026-12-02")
        XCTAssertEqual(try CalendarDate("٢٠٢٦-١٢-٠٢", field: "d"), today)
        XCTAssertThrowsError(try CalendarDate("2026-02-30", field: "start")) {
            XCTAssertEqual(($0 as? ValidationError)?.field, "start")
        }
        XCTAssertThrowsError(try CalendarDate("2/12/2026", field: "end"))
        // 23:30 UTC on the 1st is already the 2nd in Libya.
        XCTAssertEqual(
            CalendarDate(libyaDayOf: Timestamp(millisecondsSinceEpoch: (today.dayNumber * 86_400_000) - 30 * 60_000)),
            today)
    }
}
