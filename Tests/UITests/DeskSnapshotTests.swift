import Foundation
import QanatCore
import QanatText
import XCTest

@testable import QanatUI

/// Every screen, as text, at 80×24 and 160×48. A missing snapshot is written and the test
/// fails, so a new screen is looked at once before it is trusted; set QANAT_RECORD_SNAPSHOTS=1
/// to rewrite them after a deliberate change.
final class DeskSnapshotTests: XCTestCase {
    static let sizes = [(80, 24), (160, 48)]

    /// Snapshots `name` in English and `name-ar` in Arabic (mirrored, reordered and shaped as
    /// `--bidi app` draws it), at each size.
    func assertSnapshot(
        _ name: String, _ make: (Int, Int, Language) -> DeskState, file: StaticString = #filePath, line: UInt = #line
    ) {
        for language in Language.allCases {
            assertSnapshot(language == .ar ? name + "-ar" : name, file: file, line: line) { make($0, $1, language) }
        }
    }

    func assertSnapshot(
        _ name: String, file: StaticString = #filePath, line: UInt = #line, _ make: (Int, Int) -> DeskState
    ) {
        assertFrameSnapshot(name, sizes: Self.sizes, file: file, line: line) { DeskView.render(make($0, $1)) }
    }

    func testIncidentsBoard() {
        assertSnapshot("incidents") { SampleDesk.state(width: $0, height: $1, language: $2) }
    }

    func testCoverageBoard() {
        assertSnapshot("coverage") { w, h, language in
            var state = SampleDesk.state(width: w, height: h, language: language)
            _ = state.handle(.function(5))
            _ = state.handle(.down)
            _ = state.handle(language == .ar ? .left : .right)  // the next sector, whichever way the screen runs
            return state
        }
        assertSnapshot("coverage-detail") { w, h, language in
            var state = SampleDesk.state(width: w, height: h, language: language)
            _ = state.handle(.function(5))
            _ = state.handle(.enter)
            if let key = state.openCell { state.data.coverageDetail = SampleDesk.coverageDetail(key) }
            return state
        }
    }

    func testRiskBoard() {
        assertSnapshot("risks") { w, h, language in
            var state = SampleDesk.state(width: w, height: h, language: language)
            _ = state.handle(.function(6))
            return state
        }
        assertSnapshot("risk-detail") { w, h, language in
            var state = SampleDesk.state(width: w, height: h, language: language)
            _ = state.handle(.function(6))
            for _ in 0..<2 { _ = state.handle(language == .ar ? .left : .right) }
            _ = state.handle(.enter)
            return state
        }
    }

    func testPerformanceBoard() {
        assertSnapshot("performance") { w, h, language in
            var state = SampleDesk.state(width: w, height: h, language: language)
            XCTAssertEqual(state.handle(.function(7)), .reload(.performance), "read as the board comes up")
            _ = state.handle(.down)
            return state
        }
    }

    /// With Arabic-Indic digits the percentile headers use them too, and a Waiting cell cut short
    /// reads right to left like its neighbours.
    func testPerformanceBoardInArabicIndicDigits() {
        var state = SampleDesk.state(width: 80, height: 24, language: .ar)
        state.digits = .arabicIndic
        _ = state.handle(.function(7))
        let screen = DeskView.render(state).lines.joined(separator: "\n")
        XCTAssertTrue(screen.contains("٥٠ﻡ") && screen.contains("٩٠ﻡ"), screen)
        XCTAssertFalse(screen.contains("50ﻡ") || screen.contains("90ﻡ"), screen)
        var frame = Frame(width: 20, height: 1, layout: TextLayout(mirrored: true, reordered: true))
        frame.put("15 (15 تجاوزت الهدف)", x: 0, y: 0, limit: 7)
        XCTAssertEqual(frame.lines[0].trimmingCharacters(in: .whitespaces), "…15) 15")
    }

    /// Below 80×24 the tab bar says the size the boards need, rather than dropping columns silently.
    func testASmallScreenSaysColumnsAreHidden() {
        for language in Language.allCases {
            XCTAssertTrue(
                DeskView.render(SampleDesk.state(width: 60, height: 20, language: language)).lines[0]
                    .contains(language == .en ? "⚠ needs 80×24" : "80×24 ﻡﺰﻠﻳ ⚠"),
                "\(language): \(DeskView.render(SampleDesk.state(width: 60, height: 20, language: language)).lines[0])")
            XCTAssertFalse(
                DeskView.render(SampleDesk.state(width: 80, height: 24, language: language)).lines[0].contains("⚠"))
        }
    }

    /// An old row of the log says its day; today's say their time. The incident stays at 80 columns.
    func testTheLogDatesOldRowsAndKeepsTheIncidentAt80Columns() {
        var state = SampleDesk.state(width: 80, height: 24)
        state.data.messages.insert(
            SampleDesk.message(
                40, "LRC", .everyone, .routine, "eight weeks ago", incident: 2, minutesAgo: 8 * 7 * 1440), at: 0)
        _ = state.handle(.function(4))
        let lines = DeskView.render(state).lines
        XCTAssertTrue(lines[1].contains("Incident"), lines[1])
        let old = lines.first { $0.contains("eight weeks ago") } ?? ""
        XCTAssertTrue(old.hasPrefix("27/09") && old.contains("INC-2026-0002"), old)
    }

    func testIncidentDetail() {
        assertSnapshot("incident-detail") { w, h, language in
            var state = SampleDesk.state(width: w, height: h, language: language)
            _ = state.handle(.enter)
            state.data.detail = SampleDesk.detail()
            return state
        }
    }

    func testUnitsBoardGroupedBothWays() {
        assertSnapshot("units") { w, h, language in
            var state = SampleDesk.state(width: w, height: h, language: language)
            _ = state.handle(.function(3))
            return state
        }
        assertSnapshot("units-by-agency") { w, h, language in
            var state = SampleDesk.state(width: w, height: h, language: language)
            _ = state.handle(.function(3))
            _ = state.handle(.character("g"))
            return state
        }
    }

    func testLog() {
        assertSnapshot("log") { w, h, language in
            var state = SampleDesk.state(width: w, height: h, language: language)
            _ = state.handle(.function(4))
            return state
        }
    }

    func testHelpOverlay() {
        assertSnapshot("help") { w, h, language in
            var state = SampleDesk.state(width: w, height: h, language: language)
            _ = state.handle(.character("?"))
            return state
        }
    }
}

enum DisplayWidthProbe {
    static func cells(_ text: String) -> Int { DisplayWidth.of(text) }
}

extension DeskSnapshotTests {
    func testFormsWithAnErrorBesideTheField() {
        assertSnapshot("form-post-message") { w, h, language in
            var state = SampleDesk.state(width: w, height: h, language: language)
            _ = state.handle(.character("m"))
            for key in ["\t", "\t", "\t", "\t"] { _ = state.handle(key == "\t" ? .tab : .enter) }
            for c in "إخلاء الحي" { _ = state.handle(.character(c)) }
            state.formRefused(field: "to", message: "to: 'XYZ' is not one of: CD, LRC, MOI")
            return state
        }
        assertSnapshot("form-incident-filter") { w, h, language in
            var state = SampleDesk.state(width: w, height: h, language: language)
            _ = state.handle(.character("f"))
            return state
        }
        assertSnapshot("form-log-filter") { w, h, language in
            var state = SampleDesk.state(width: w, height: h, language: language)
            _ = state.handle(.function(4))
            _ = state.handle(.character("f"))
            for c in "LRC" { _ = state.handle(.character(c)) }
            return state
        }
        assertSnapshot("palette") { w, h, language in
            var state = SampleDesk.state(width: w, height: h, language: language)
            _ = state.handle(.character(":"))
            for c in "filter" { _ = state.handle(.character(c)) }
            return state
        }
        // A viewer's palette: the commands that write are greyed, with why.
        assertSnapshot("palette-read-only") { w, h, language in
            var state = SampleDesk.state(width: w, height: h, language: language)
            state.readOnly = .viewerReadsOnly
            _ = state.handle(.character(":"))
            return state
        }
        assertSnapshot("search-results") { w, h, language in
            var state = SampleDesk.state(width: w, height: h, language: language)
            _ = state.handle(.character("/"))
            for c in "درنة" { _ = state.handle(.character(c)) }
            _ = state.handle(.enter)
            state.showSearchResults(
                [.incident(state.data.incidents[0]), .message(state.data.messages[3])], for: "درنة")
            return state
        }
        assertSnapshot("form-open-incident") { w, h, language in
            var state = SampleDesk.state(width: w, height: h, language: language)
            _ = state.handle(.character("o"))
            return state
        }
    }
}
