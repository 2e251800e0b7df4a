import QanatCore
import XCTest

@testable import QanatUI

/// The handover as `qanat report shift` prints it and the desk shows it.
final class HandoverTextTests: XCTestCase {
    func report(signedOn: Bool) -> HandoverReport {
        let desk = SampleDesk.state(width: 120, height: 40)
        var shift = Shift(officer: "Huda", agency: SampleDesk.code("NCEMC"), start: SampleDesk.at(480))
        if signedOn { (shift.end, shift.note) = (SampleDesk.now, "Second boat | still needed\nat the bridge") }
        return HandoverReport(
            shift: shift, signedOn: signedOn, now: SampleDesk.now, openIncidents: desk.data.incidents,
            committedUnits: desk.data.units.filter { [.assigned, .enRoute, .onScene].contains($0.unit.status) },
            awaitingAcknowledgement: Array(desk.data.messages.prefix(1)), log: desk.data.messages)
    }

    func testTextHasEverySectionAndSaysWhenNoSignOnWasFound() throws {
        let lines = HandoverText.lines(report(signedOn: false), Localizer(.en), format: .text)
        XCTAssertEqual(lines[0], "Shift handover — Huda (NCEMC)")
        XCTAssertTrue(lines[2].hasPrefix("Shift: 22 Nov 2026 06:05 – 22 Nov 2026 14:05 (no sign-on found"), lines[2])
        for heading in [
            "Open incidents (4)", "Units committed (3)", "Awaiting acknowledgement by NCEMC (1)", "Shift log (4)",
        ] {
            XCTAssertTrue(lines.contains(heading), heading)
        }
        // Each section is a table: a header, and every row's columns where the header's are.
        let header = try XCTUnwrap(lines.first { $0.hasPrefix("  Ref") }, lines.joined(separator: "\n"))
        let rows = lines.filter { $0.hasPrefix("  INC-") }
        XCTAssertEqual(rows.count, 4)
        for (title, cell) in [("Severity", "extreme"), ("Status", "responding"), ("Area", "Derna")] {
            let row = rows[0]
            let column = header.distance(from: header.startIndex, to: try XCTUnwrap(header.range(of: title)).lowerBound)
            XCTAssertEqual(
                row.distance(from: row.startIndex, to: try XCTUnwrap(row.range(of: cell)).lowerBound), column,
                "\(title):\n\(header)\n\(row)")
        }
        XCTAssertTrue(rows[0].hasPrefix("  INC-2026-0001  extreme   responding"), rows.joined(separator: "\n"))
    }

    func testMarkdownTablesKeepTheirCellsAndTheNotesLineBreaks() {
        let lines = HandoverText.lines(report(signedOn: true), Localizer(.en), format: .markdown)
        XCTAssertEqual(lines[0], "# Shift handover — Huda (NCEMC)")
        XCTAssertTrue(
            lines.contains("Handed over: Second boat | still needed") && lines.contains("  at the bridge"),
            lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains("| Ref | Severity | Status | Title | Area | Un |"))
        let rows = lines.filter { $0.hasPrefix("| INC-") }
        XCTAssertEqual(rows.count, 4)
        // Every row of a table has as many cells as its header: a pipe in the text is escaped.
        var columns: Int?
        for line in lines {
            guard line.hasPrefix("|") else {
                columns = nil
                continue
            }
            let cells = Self.unescapedPipes(line) - 1
            if let columns { XCTAssertEqual(cells, columns, line) } else { columns = cells }
        }
    }

    /// What users typed reaches a Markdown report as text: no HTML of theirs runs, no link of theirs is made.
    func testUsersHTMLAndLinksAreTextInMarkdown() {
        var desk = SampleDesk.state(width: 120, height: 40)
        let hostile = "<script>alert(1)</script> [map](javascript:alert(2)) <img src=x onerror=alert(3)> & co"
        var first = desk.data.incidents[0]
        first.incident.title = hostile
        desk.data.incidents[0] = first
        var shift = Shift(officer: "Huda <b>", agency: SampleDesk.code("NCEMC"), start: SampleDesk.at(480))
        (shift.end, shift.note) = (SampleDesk.now, "[click](javascript:alert(4))")
        let report = HandoverReport(
            shift: shift, signedOn: true, now: SampleDesk.now, openIncidents: desk.data.incidents, committedUnits: [],
            awaitingAcknowledgement: [], log: [])
        let text = HandoverText.lines(report, Localizer(.en), format: .markdown).joined(separator: "\n")
        for dangerous in ["<script", "<img", "<b>", "[map](", "[click]("] {
            XCTAssertFalse(text.contains(dangerous), "\(dangerous) in:\n\(text)")
        }
        XCTAssertTrue(text.contains("&lt;script&gt;alert(1)&lt;/script&gt; \\[map\\](javascript:alert(2))"), text)
        XCTAssertTrue(text.contains("&amp; co"), text)
    }

    /// A message of several lines keeps them: further rows under its column in text, `<br>` in Markdown.
    func testAMessageOfSeveralLinesKeepsItsLineBreaks() throws {
        var report = report(signedOn: true)
        report.log[0].message.subject = nil
        report.log[0].message.body = "alpha\nbeta | gamma"
        let text = HandoverText.lines(report, Localizer(.en), format: .text)
        let first = try XCTUnwrap(text.firstIndex { $0.hasSuffix("alpha") }, text.joined(separator: "\n"))
        XCTAssertTrue(text[first + 1].hasSuffix("beta | gamma"), text[first + 1])
        func column(_ word: String, _ line: String) -> Int? {
            line.range(of: word).map { line.distance(from: line.startIndex, to: $0.lowerBound) }
        }
        XCTAssertEqual(
            column("beta", text[first + 1]), column("alpha", text[first]),
            "under its own column:\n\(text[first])\n\(text[first + 1])")
        XCTAssertFalse(text.joined().contains("␊"))
        let markdown = HandoverText.lines(report, Localizer(.en), format: .markdown)
        XCTAssertTrue(markdown.contains { $0.contains("alpha<br>beta \\| gamma |") }, markdown.joined(separator: "\n"))
    }

    static func unescapedPipes(_ line: String) -> Int {
        var count = 0
        var previous: Character = " "
        for c in line {
            if c == "|", previous != "\\" { count += 1 }
            previous = c
        }
        return count
    }

    func testTheDesksHandoverDrawsEachCellInItsColumnMirroredInArabic() throws {
        var state = SampleDesk.state(width: 160, height: 48, language: .ar)
        let lines = HandoverText.displayLines(report(signedOn: true), state.localizer)
        state.handover = HandoverScreen(lines: lines)
        let screen = DeskView.render(state).lines
        guard
            case .row(_, let widths)? = lines.first(where: {
                if case .row(let cells, _) = $0 { cells.first == "INC-2026-0001" } else { false }
            })
        else {
            return XCTFail("no row for INC-2026-0001")
        }
        // The first column stands at the right edge, as on the boards; the reference keeps its order.
        let row = Array(try XCTUnwrap(screen.first { $0.contains("INC-2026-0001") }))
        let field = String(row[(160 - 3 - widths[0])..<(160 - 3)])
        XCTAssertEqual(field.trimmingCharacters(in: .whitespaces), "INC-2026-0001", String(row))
        // Every row of the section puts its units count in the same (leftmost) column.
        let unitsColumn = 160 - 3 - widths.dropLast().reduce(0) { $0 + $1 + 2 } - widths.last!
        XCTAssertTrue(String(row[unitsColumn..<(unitsColumn + widths.last!)]).contains { $0.isNumber }, String(row))
    }

    func testArabic() {
        let lines = HandoverText.lines(report(signedOn: true), Localizer(.ar), format: .text)
        XCTAssertEqual(lines[0], "تسليم المناوبة — Huda (NCEMC)")
        XCTAssertTrue(lines.contains("الحوادث المفتوحة (4)"))
    }
}
