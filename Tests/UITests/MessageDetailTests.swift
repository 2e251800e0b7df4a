import QanatCore
import XCTest

@testable import QanatUI

/// Enter on a log message opens it whole; the detail panes scroll.
final class MessageDetailTests: XCTestCase {
    private func longMessage() -> MessageRecord {
        let body = (1...30).map { "line \($0) of a long situation report from the field" }.joined(separator: " ")
        return SampleDesk.message(
            30, "NCEMC", .agencies([SampleDesk.code("CD"), SampleDesk.code("LRC")]), .flash, body + " END-OF-REPORT",
            subject: "Situation report", incident: 1, ack: true, minutesAgo: 2, acks: ["LRC"])
    }

    private func openedOnTheLog(width: Int = 80, height: Int = 24) -> DeskState {
        var state = SampleDesk.state(width: width, height: height)
        state.data.messages.append(longMessage())
        _ = state.handle(.function(4))
        _ = state.handle(.up)
        XCTAssertEqual(state.handle(.enter), .loadDetail)
        XCTAssertEqual(state.openMessage, longMessage().message.id)
        state.data.message = longMessage()
        return state
    }

    func testEnterOnAMessageOpensAllOfIt() {
        let state = openedOnTheLog(width: 160, height: 60)
        let screen = DeskView.render(state).lines.joined(separator: "\n")
        XCTAssertTrue(screen.contains("Situation report"), screen)
        XCTAssertTrue(screen.contains("END-OF-REPORT"), "the whole body, wrapped:\n\(screen)")
        XCTAssertTrue(screen.contains("From NCEMC officer"), screen)
        XCTAssertTrue(screen.contains("Acknowledgements 1/2"), screen)
        XCTAssertTrue(screen.contains("LRC ✓"), screen)
        XCTAssertTrue(screen.contains("CD awaiting"), screen)
    }

    /// Every wrapped line keeps the direction of the message's first strong letter, in both
    /// interfaces: a line that begins with an Arabic word of an English message still reads left to right.
    func testAWrappedMessageKeepsItsParagraphDirectionOnEveryLine() {
        let body =
            "Convoy of 12 trucks left the Benghazi warehouse at 09:00 heading towards مدرسة الهواري (300 tents), then درنة via شحات; expected arrival 15:00, escort by CD-BYD-04."
        for language in [Language.en, .ar] {
            var state = SampleDesk.state(width: 80, height: 24)
            state.language = language
            let record = SampleDesk.message(
                31, "LRC", .agencies([SampleDesk.code("CD")]), .routine, body, minutesAgo: 1)
            state.data.messages.append(record)
            _ = state.handle(.function(4))
            _ = state.handle(.end)
            _ = state.handle(.up)
            XCTAssertEqual(state.handle(.enter), .loadDetail)
            state.data.message = record
            let screen = DeskView.render(state).lines.joined(separator: "\n")
            XCTAssertTrue(
                screen.contains("ﻱﺭﺍﻮﻬﻟﺍ (300 tents), then ﺔﻧﺭﺩ via ﺕﺎﺤﺷ; expected arrival 15:00, escort by"),
                "\(language):\n\(screen)")
        }
    }

    func testTheDetailScrollsToItsFirstAndLastLineAt80x24() {
        var state = openedOnTheLog()
        var screen = DeskView.render(state).lines.joined(separator: "\n")
        XCTAssertFalse(screen.contains("END-OF-REPORT"), "too long for 80×24")
        XCTAssertTrue(screen.contains("▼"), "a mark says there is more below")
        _ = state.handle(.tab)
        XCTAssertTrue(state.detailFocused)
        _ = state.handle(.end)
        screen = DeskView.render(state).lines.joined(separator: "\n")
        XCTAssertTrue(screen.contains("END-OF-REPORT"), screen)
        XCTAssertTrue(screen.contains("Enter incident · r reply"), "the last line is reachable:\n\(screen)")
        XCTAssertEqual(state.openMessage, longMessage().message.id, "scrolling moved no selection")
        _ = state.handle(.home)
        screen = DeskView.render(state).lines.joined(separator: "\n")
        XCTAssertTrue(screen.contains("FLASH"), "the first line again:\n\(screen)")
        _ = state.handle(.down)
        XCTAssertEqual(state.detailScroll, 1)
    }

    func testFromTheMessageEnterGoesToItsIncidentRRepliesAndAAcknowledges() {
        var state = openedOnTheLog()
        let id = longMessage().message.id
        XCTAssertEqual(state.handle(.character("a")), .acknowledge(messageID: id.rawValue))
        _ = state.handle(.character("r"))
        XCTAssertEqual(state.form?.value("to"), "NCEMC", "a reply goes to the sender")
        XCTAssertEqual(state.form?.value("subject"), "Re: Situation report")
        XCTAssertEqual(state.form?.value("incident"), "INC-2026-0001")
        _ = state.handle(.escape)
        XCTAssertTrue(state.drafts.isEmpty, "an untouched reply is no draft")
        XCTAssertEqual(state.handle(.enter), .loadDetail)
        XCTAssertEqual(state.board, .incidents)
        XCTAssertEqual(state.detailReference, SampleDesk.ref(1))
    }

    func testAnIncidentsTimelineScrollsFromItsNewestEntries() {
        var state = SampleDesk.state(width: 80, height: 24)
        _ = state.handle(.enter)
        let record = state.data.incidents[0]
        let entries = (0..<40).map { n in
            TimelineEntry(
                at: SampleDesk.at(Int64(60 - n)), agency: SampleDesk.code("CD"), officer: "o",
                kind: .event(
                    .incidentStatusChanged(
                        IncidentStatusChange(
                            reference: record.incident.reference,
                            status: .responding, note: "entry \(n)"))))
        }
        state.data.detail = IncidentDetail(record: record, assignments: [], timeline: entries)
        var screen = DeskView.render(state).lines.joined(separator: "\n")
        XCTAssertTrue(screen.contains("entry 39") && !screen.contains("entry 0 "), "the newest first:\n\(screen)")
        _ = state.handle(.tab)
        _ = state.handle(.character("g"))
        screen = DeskView.render(state).lines.joined(separator: "\n")
        XCTAssertTrue(screen.contains("entry 0"), screen)
        _ = state.handle(.character("G"))
        screen = DeskView.render(state).lines.joined(separator: "\n")
        XCTAssertTrue(screen.contains("entry 39"), screen)
    }
}

/// An incident's timeline shows a message's or a note's line breaks as lines.
final class TimelineLineBreakTests: XCTestCase {
    func testATimelineEntryOfSeveralLinesShowsThemBelowIt() {
        let state = SampleDesk.state(width: 120, height: 40)
        var detail = SampleDesk.detail()
        detail.timeline.append(
            TimelineEntry(
                at: SampleDesk.at(5), agency: SampleDesk.code("CD"), officer: "Salem",
                kind: .event(
                    .incidentStatusChanged(
                        IncidentStatusChange(reference: SampleDesk.ref(1), status: .contained, note: "alpha\nbeta")))))
        let lines = IncidentDetailLines.lines(detail, state: state).map { $0.fields.map(\.text).joined(separator: " ") }
        let alpha = lines.firstIndex { $0.hasSuffix("alpha") }
        XCTAssertNotNil(alpha, lines.joined(separator: "\n"))
        XCTAssertEqual(alpha.map { lines[$0 + 1] }, "beta")
        XCTAssertFalse(lines.joined().contains("␊"))
    }
}
