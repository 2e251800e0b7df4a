import Foundation
import QanatTestSupport
import XCTest

/// ICS 201 and ICS 214 from the store, in English and Arabic, as text and Markdown, and recorded
/// when written to a file.
final class ICSReportTests: XCTestCase {
    func testAnIncidentBriefingAndTheActivityLogsOfAnOfficerAndAUnit() throws {
        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init").status, 0)
        let officer = ["QANAT_OFFICER": "Salem"]
        let ref = try q.run(
            [
                "incident", "open", "--type", "flashFlood", "--severity", "extreme", "--area", "Derna", "--title",
                "Wadi Derna flood",
                "--people", "1200",
            ], extraEnvironment: officer
        ).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(
            try q.run(
                ["unit", "add", "CD-DRN-01", "--agency", "CD", "--kind", "waterRescue"], extraEnvironment: officer
            ).status, 0)
        XCTAssertEqual(try q.run(["assign", ref, "CD-DRN-01"], extraEnvironment: officer).status, 0)
        XCTAssertEqual(
            try q.run(["assignment", "arrived", ref, "CD-DRN-01"], extraEnvironment: ["QANAT_OFFICER": "radio room"])
                .status, 0)
        XCTAssertEqual(
            try q.run(
                [
                    "post", "--from", "NCEMC", "--to", "CD", "--priority", "flash", "--channel", "radio", "--incident",
                    ref, "Evacuate the coast road",
                ],
                extraEnvironment: officer
            ).status, 0)

        let briefing = try q.run("report", "ics201", ref, "--lang", "en")
        XCTAssertEqual(briefing.status, 0, briefing.stderr)
        for expected in [
            "ICS 201 — Incident Briefing", "1. Incident name: Wadi Derna flood", "2. Incident number: \(ref)",
            "4. Location: Derna (LY", "5. Situation summary: Flash flood · extreme · reported · People affected 1200",
            "8. Actions taken", "CD-DRN-01 tasked", "CD-DRN-01 arrived", "[FLASH] Evacuate the coast road",
            "9. Current organisation", "Responding agency  CD", "10. Resource summary",
        ] {
            XCTAssertTrue(briefing.stdout.contains(expected), "\(expected):\n\(briefing.stdout)")
        }
        let arabic = try q.run("report", "ics201", ref, "--lang", "ar", "--markdown").stdout
        XCTAssertTrue(
            arabic.contains("# ICS 201 — إيجاز الحادثة") && arabic.contains("## 10. ملخص الموارد")
                && arabic.contains("| CD-DRN-01 | CD |"), arabic)
        let missing = try q.run("report", "ics201", "INC-2026-9999")
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("incident: no incident 'INC-2026-9999'"), missing.stderr)

        XCTAssertEqual(try q.run(["target", "set", "acknowledge", "60"], extraEnvironment: officer).status, 0)
        let salem = try q.run("report", "ics214", "--officer", "SALEM")
        XCTAssertEqual(salem.status, 0, salem.stderr)
        XCTAssertTrue(
            salem.stdout.contains("3. Officer: Salem") && salem.stdout.contains("1. Incidents: \(ref)"), salem.stdout)
        XCTAssertTrue(
            salem.stdout.contains("\(ref) opened: Wadi Derna flood") && salem.stdout.contains("CD-DRN-01 registered"),
            salem.stdout)
        XCTAssertFalse(salem.stdout.contains("arrived"), "the radio room signed the arrival:\n\(salem.stdout)")
        XCTAssertTrue(
            salem.stdout.contains("response target set: acknowledge ≤ 1m00s at p90")
                && !salem.stdout.contains("target.set"),
            "events in words, not the journal's names:\n\(salem.stdout)")
        let unit = try q.run("report", "ics214", "--call-sign", "CD-DRN-01", "--lang", "ar")
        XCTAssertTrue(
            unit.stdout.contains("3. الوحدة: CD-DRN-01") && unit.stdout.contains("وصلت")
                && unit.stdout.contains("radio room"), unit.stdout)
        let both = try q.run("report", "ics214", "--officer", "Salem", "--call-sign", "CD-DRN-01")
        XCTAssertEqual(both.status, 1)
        XCTAssertTrue(both.stderr.contains("give --officer NAME or --call-sign CALLSIGN, one of them"), both.stderr)
        let later = try q.run("report", "ics214", "--officer", "Salem", "--since", "2099-01-01T00:00:00Z")
        XCTAssertTrue(later.stdout.contains("1. Incidents: —"), "nothing in a period to come:\n\(later.stdout)")

        let file = q.directory + "/ics201.md"
        let written = try q.run("report", "ics201", ref, "--markdown", "--out", file)
        XCTAssertEqual(written.status, 0, written.stderr)
        let line = try XCTUnwrap(
            String(contentsOfFile: q.journal, encoding: .utf8).split(separator: "\n").last.map(String.init))
        XCTAssertTrue(
            line.contains(#""kind":"ics201""#) && line.contains(#""parameters":["\#(ref)","--markdown"]"#), line)
        XCTAssertEqual(try q.run("report", "verify", file).status, 0)
    }
}
