import QanatCore
import XCTest

@testable import QanatUI

/// The coverage board's keys: the selection is an area and a sector, and stays on them.
final class CoverageBoardTests: XCTestCase {
    func coverageState(_ language: Language = .en) -> DeskState {
        var state = SampleDesk.state(width: 80, height: 24, language: language)
        _ = state.handle(.function(5))
        return state
    }

    func testTheFirstSelectionIsTheFirstCellThatHoldsSomethingAndArrowsMoveAcrossSectors() {
        var state = coverageState()
        XCTAssertEqual(state.selection.cell, CoverageCell.Key(area: "benghazi", sector: .health))
        _ = state.handle(.down)
        XCTAssertEqual(state.selection.cell, CoverageCell.Key(area: "derna", sector: .health), "down keeps the sector")
        _ = state.handle(.left)
        _ = state.handle(.character("h"))
        XCTAssertEqual(state.selection.cell?.sector, .food)
        _ = state.handle(.right)
        XCTAssertEqual(state.selection.cell?.sector, .wash)
        for _ in 0..<20 { _ = state.handle(.right) }
        XCTAssertEqual(state.selection.cell?.sector, .earlyRecovery, "the last sector is the end")
    }

    func testInArabicTheArrowsFollowTheMirroredScreen() {
        var state = coverageState(.ar)
        XCTAssertEqual(state.selection.cell?.sector, .health)
        _ = state.handle(.left)
        XCTAssertEqual(state.selection.cell?.sector, .nfi, "left is onward when sectors run right to left")
    }

    func testTheSelectionStaysOnItsCellWhenRowsMove() {
        var state = coverageState()
        _ = state.handle(.down)
        let chosen = state.selection.cell
        // A new area (Ajdabiya, in a district before Benghazi's) arrives above it.
        var cells = state.data.coverage
        cells.append(
            CoverageRules(today: CalendarDate(libyaDayOf: SampleDesk.now)).cell(
                CoverageCell.Key(area: "ajdabiya", sector: .food), needs: [], activities: [], pledgesByNeed: [:]))
        state.data.coverage = cells
        XCTAssertEqual(state.selection.cell, chosen)
        XCTAssertEqual(
            state.key(atRow: state.selectedIndex ?? -1), .cell(CoverageCell.Key(area: "derna", sector: .health)))
    }

    func testEnterOpensTheCellAndAnEmptyCellSaysSo() {
        var state = coverageState()
        XCTAssertEqual(state.handle(.enter), .loadDetail)
        XCTAssertEqual(state.openCell, CoverageCell.Key(area: "benghazi", sector: .health))
        _ = state.handle(.escape)
        XCTAssertNil(state.openCell)
        _ = state.handle(.right)
        XCTAssertNil(state.handle(.enter))
        XCTAssertNil(state.openCell)
        XCTAssertEqual(state.notice, "No needs or activities recorded")
    }

    func testAPledgeNeedsTheCellOpenAndAnOpenNeedInIt() {
        var state = coverageState()
        XCTAssertNil(state.handle(.character("p")))
        XCTAssertEqual(state.notice, "Open the cell first (Enter), then p pledges to one of its needs")
        _ = state.handle(.enter)
        state.data.coverageDetail = SampleDesk.coverageDetail(
            state.openCell ?? CoverageCell.Key(area: "", sector: .food))
        _ = state.handle(.character("p"))
        XCTAssertEqual(state.form?.purpose, .makePledge(area: "benghazi", sector: .health))
        XCTAssertEqual(state.form?.fields.first?.value, SampleDesk.id(63).rawValue, "the cell's open need")
    }

    /// Whom to call: each organisation's focal points with phone and radio, or that none is on record.
    func testTheCellDetailNamesFocalPointsWithPhoneAndRadio() throws {
        var state = SampleDesk.state(width: 160, height: 48)
        _ = state.handle(.function(5))
        _ = state.handle(.enter)
        let key = try XCTUnwrap(state.openCell)
        var detail = SampleDesk.coverageDetail(key)
        detail.organisations[1].focalPoints = []
        state.data.coverageDetail = detail
        let lines = CoverageDetailLines.lines(detail, state: state).map { $0.fields.map(\.text).joined(separator: " ") }
        XCTAssertTrue(lines.contains("Focal of LRC phone +218 91 000 003 radio ch 3"), lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains { $0.hasPrefix("no focal point on record") }, lines.joined(separator: "\n"))
    }

    func testTheDetailFollowsTheSelection() {
        var state = coverageState()
        _ = state.handle(.enter)
        XCTAssertEqual(state.handle(.down), .loadDetail)
        XCTAssertEqual(state.openCell, CoverageCell.Key(area: "derna", sector: .health))
    }

    func testTheFilterNamesADistrictOnlyAndAsksForTheCellsAgain() throws {
        var state = coverageState()
        _ = state.handle(.character("f"))
        XCTAssertEqual(state.form?.purpose, .coverageFilter)
        for character in "Tobruk" { _ = state.handle(.character(character)) }
        for _ in 0..<5 { XCTAssertNil(state.handle(.enter)) }
        XCTAssertNotNil(state.form, "Tobruk is a municipality, not a district: the form stays")
        XCTAssertEqual(
            state.form?.fields.first { $0.name == "district" }.flatMap { $0.error }?.contains("district"), true,
            "\(String(describing: state.form?.fields.map(\.error)))")
        var form = try XCTUnwrap(state.form)
        form.set("district", "Derna")
        form.set("sector", "food")
        state.form = form
        // The form's submit key is Enter on its last field; the filter is then applied.
        var effect: DeskEffect?
        for _ in 0..<5 where state.form != nil { effect = state.handle(.enter) }
        XCTAssertEqual(effect, .reload(.coordination))
        XCTAssertEqual(state.coverageFilter, CoverageFilter(district: "district.derna", sector: .food))
        XCTAssertEqual(state.coverageFilter.query.areas?.contains("derna"), true)
    }

    func testAFilterThatHidesTheSelectedCellSelectsAShownOneAndKeepsToItsSector() {
        var state = coverageState()
        XCTAssertEqual(state.selection.cell, CoverageCell.Key(area: "benghazi", sector: .health))
        state.coverageFilter = CoverageFilter(sector: .food)
        state.data.coverage = state.data.coverage.filter { $0.key.sector == .food }
        XCTAssertEqual(
            state.selection.cell, CoverageCell.Key(area: "derna", sector: .food), "Benghazi has no food cell")
        XCTAssertNotNil(state.selectedIndex)
        _ = state.handle(.right)
        XCTAssertEqual(state.selection.cell?.sector, .food, "one sector shown: nowhere else to go")
        XCTAssertEqual(state.handle(.enter), .loadDetail)
        XCTAssertTrue(
            Chrome.describe(state.coverageFilter, cells: state.data.coverage, state.localizer).contains(
                "D duplicated 1"),
            "the tab bar's note is the letters' legend")
    }

    func testAFilterFormClosedWithEscIsOfferedAgainWithWhatWasTyped() {
        var state = coverageState()
        _ = state.handle(.character("f"))
        for character in "Der" { _ = state.handle(.character(character)) }
        _ = state.handle(.escape)
        XCTAssertNil(state.form)
        _ = state.handle(.character("f"))
        XCTAssertEqual(state.form?.value("district"), "Der")
        XCTAssertEqual(state.form?.restored, true)
    }

    func testAKindKeepsOnlyCellsWhereSuchAnOrganisationIsPresent() {
        let cells = SampleDesk.state(width: 80, height: 24).data.coverage
        let kinds: [AgencyCode: OrganisationKind] = [SampleDesk.code("MOH"): .government]
        let kept = CoverageFilter(kind: .government).keeping(cells, kinds: kinds)
        XCTAssertEqual(kept.map(\.key), [CoverageCell.Key(area: "benghazi", sector: .health)])
    }
}

/// An empty incident board says why: nothing open, or nothing matching its filter.
final class EmptyIncidentBoardTests: XCTestCase {
    func testAFilteredEmptyBoardSaysNothingMatches() {
        var state = SampleDesk.state(width: 80, height: 24)
        state.data.incidents = []
        XCTAssertTrue(DeskView.render(state).lines.joined().contains("No open incidents"))
        state.incidentQuery.status = .closed
        let screen = DeskView.render(state).lines.joined()
        XCTAssertTrue(screen.contains("Nothing matches the filter") && !screen.contains("No open incidents"), screen)
    }
}

/// The risk board's keys: the selection is a cell of the matrix, a likelihood and an impact.
final class RiskBoardTests: XCTestCase {
    func testTheMatrixIsWalkedByImpactAndLikelihoodAndEnterOpensACell() {
        var state = SampleDesk.state(width: 80, height: 24)
        _ = state.handle(.function(6))
        XCTAssertEqual(state.selection.riskCell, RiskCell(likelihood: 1, impact: 5), "the top row: the gravest impact")
        _ = state.handle(.right)
        _ = state.handle(.right)
        XCTAssertEqual(state.selection.riskCell, RiskCell(likelihood: 3, impact: 5))
        _ = state.handle(.enter)
        XCTAssertEqual(state.openRiskCell, RiskCell(likelihood: 3, impact: 5))
        let detail = DeskView.render(state).lines.joined(separator: "\n")
        XCTAssertTrue(detail.contains("Wadi Derna dams fail in a storm") && detail.contains("overdue"), detail)
        _ = state.handle(.down)
        XCTAssertEqual(state.openRiskCell, RiskCell(likelihood: 3, impact: 4), "the detail follows the selection")
        XCTAssertEqual(RiskCell(likelihood: 3, impact: 4).band, .high)
        XCTAssertEqual(RiskCell(likelihood: 1, impact: 4).band, .low)
    }

    func testTheBoardCountsEachCellAndMarksOverdueReviewsWithoutColour() {
        var state = SampleDesk.state(width: 80, height: 24)
        _ = state.handle(.function(6))
        let screen = DeskView.render(state).lines.joined(separator: "\n")
        XCTAssertTrue(screen.contains("H 1 !"), "the dams: high, one risk, its review overdue:\n\(screen)")
        XCTAssertTrue(screen.contains("M 1") && screen.contains("L 1"), screen)
    }
}

final class RiskScaleTextTests: XCTestCase {
    func testEveryLevelIsSaidInBothLanguages() {
        for level in RiskScale.levels {
            for language in Language.allCases {
                let l = Localizer(language)
                XCTAssertFalse(l(RiskScaleLabels.likelihood(level)).isEmpty)
                XCTAssertFalse(l(RiskScaleLabels.impact(level)).isEmpty)
            }
            XCTAssertNotEqual(
                Localizer(.ar)(RiskScaleLabels.impact(level)), RiskScale.impact[level], "level \(level) in Arabic")
        }
    }
}
