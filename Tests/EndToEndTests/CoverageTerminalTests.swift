import Foundation
import QanatTestSupport
import QanatText
import XCTest

/// The coverage board in a real terminal, in English and Arabic, at 80×24 and 160×48, while
/// another process records needs and activities.
final class CoverageTerminalTests: XCTestCase {
    static let today = CoordinationCommandTests.today

    /// A need in Derna that nothing answers (a gap) and the Scouts registered with a focal point.
    func seed(_ q: QanatProcess) throws {
        XCTAssertEqual(try q.run("init").status, 0)
        XCTAssertEqual(
            try q.run(
                "org", "add", "SCOUTS", "--kind", "civilSociety", "--name-en", "Libyan Scouts", "--name-ar", "الكشافة",
                "--focal", "Amal Idris;0912345678;ch 7"
            ).status, 0)
        let need = try q.run(
            "need", "report", "--area", "Derna", "--sector", "shelter", "--what", "Tents", "--quantity", "200",
            "--unit", "tents", "--org", "LRC")
        XCTAssertEqual(need.status, 0, need.stderr)
    }

    func testTheBoardFlagsAGapThatAnotherDeskThenAnswersAndDrillsDownToFocalPoints() throws {
        let q = try QanatProcess()
        try seed(q)
        let desk = try DeskHarness.startDesk(q, width: 80, height: 24)
        try desk.waitFor { $0.contains("F2 Incidents") }
        try desk.send("F5")
        var screen = try desk.waitFor { $0.contains("Derna District") }
        let row = screen.split(separator: "\n").first { $0.hasPrefix("Derna ") }.map(String.init) ?? ""
        XCTAssertTrue(row.contains("G 0%"), "a gap, nothing covered:\n\(screen)")

        // Another process: the Scouts register an activity answering it and pledge, delivering.
        let needID = try q.run("need", "list", "--json").stdout.components(separatedBy: #""id":""#)[1].prefix(36)
        XCTAssertEqual(
            try q.run(
                "activity", "add", "--org", "SCOUTS", "--sector", "shelter", "--area", "Derna", "--what", "Tents",
                "--start", Self.today, "--end", Self.today, "--need", String(needID)
            ).status, 0)
        let pledge = try q.run("pledge", "add", String(needID), "--org", "SCOUTS", "--quantity", "100").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(try q.run("pledge", "update", pledge, "--status", "delivering").status, 0)
        screen = try desk.waitFor { $0.contains("50% 1") }
        let answered = screen.split(separator: "\n").first { $0.hasPrefix("Derna ") }.map(String.init) ?? ""
        XCTAssertTrue(
            answered.contains("50% 1") && !answered.contains("G"), "answered, and covered in part:\n\(screen)")

        try desk.send("Enter")
        screen = try desk.waitFor { $0.contains("Organisations and focal points") }
        XCTAssertTrue(screen.contains("Tents") && screen.contains("delivering"), screen)
        try desk.send("Tab", "G")
        screen = try desk.waitFor { $0.contains("Amal Idris") }
        XCTAssertTrue(screen.contains("phone 0912345678") && screen.contains("radio ch 7"), screen)
        try desk.send("Escape", "q")
    }

    func testAnActivityRegisteredOnTheBoardWarnsOfDuplicationBeforeItIsSaved() throws {
        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init").status, 0)
        XCTAssertEqual(
            try q.run(
                "activity", "add", "--org", "WFP", "--sector", "food", "--area", "Sabha", "--what", "Food baskets",
                "--start", Self.today, "--end", Self.today, "--status", "ongoing"
            ).status, 0)
        let desk = try DeskHarness.startDesk(q, width: 80, height: 24)
        try desk.waitFor { $0.contains("F2 Incidents") }
        try desk.send("F5")
        try desk.waitFor { $0.contains("Sabha District") }
        try desk.send("n")
        var screen = try desk.waitFor { $0.contains("Register an activity: Sabha × food") }
        XCTAssertTrue(screen.contains("CD"), "the desk's own organisation by default:\n\(screen)")
        try desk.send("Down", "Down")
        try desk.type("Hot meals")
        try desk.send("Enter", "Enter", "Enter", "Enter", "Enter", "Enter")
        screen = try desk.waitFor { $0.contains("Would duplicate the work of WFP") }
        XCTAssertEqual(try q.run("activity", "list", "--json").lines.count, 1, "nothing saved before the second Enter")
        try desk.send("Enter")
        screen = try desk.waitFor { !$0.contains("Register an activity") }
        let listed = try q.run("activity", "list", "--json").stdout
        XCTAssertTrue(listed.contains(#""what":"Hot meals""#) && listed.contains(#""org":"CD""#), listed)
        screen = try desk.waitFor { $0.contains("D · 2") }
        try desk.send("q")
    }

    func testANeedAndAPledgeRecordedFromTheBoard() throws {
        let q = try QanatProcess()
        try seed(q)
        let desk = try DeskHarness.startDesk(q, width: 80, height: 24)
        try desk.waitFor { $0.contains("F2 Incidents") }
        try desk.send("F5")
        try desk.waitFor { $0.contains("Derna District") }
        try desk.send("p")
        try desk.waitFor { $0.contains("No open need here") }
        try desk.send("r")
        try desk.waitFor { $0.contains("Report a need: Derna × shelter") }
        try desk.type("Blankets")
        try desk.send("Down")
        try desk.type("٥٠")
        try desk.send("Down")
        try desk.type("blankets")
        try desk.send("Enter", "Enter", "Enter", "Enter", "Enter", "Enter")
        try desk.waitFor { !$0.contains("Report a need") }
        let needs = try q.run("need", "list", "--json").stdout
        XCTAssertTrue(
            needs.contains(#""what":"Blankets""#) && needs.contains(#""quantity":50"#)
                && needs.contains(#""org":"CD""#), needs)
        try desk.send("Enter")
        try desk.waitFor { $0.contains("Needs (2)") }
        try desk.send("p")
        var screen = try desk.waitFor { $0.contains("Pledge: Derna × shelter") }
        XCTAssertTrue(screen.contains("(200 tents)") || screen.contains("(50 blankets)"), screen)
        try desk.send("Down")
        try desk.type("20")
        try desk.send("Enter", "Enter", "Enter", "Enter")
        screen = try desk.waitFor { $0.contains("Pledges (1)") }
        XCTAssertTrue(try q.run("pledge", "list", "--json").stdout.contains(#""quantity":20,"#))
        try desk.send("Escape", "q")
    }

    /// Each language at both sizes: the board, its gap's letter at the area's side, the filter
    /// refusing a municipality as a district, and the cell's detail beside the board when wide.
    func testTheBoardInBothLanguagesAtBothSizes() throws {
        let q = try QanatProcess()
        try seed(q)
        for arabic in [false, true] {
            for (width, height) in [(80, 24), (160, 48)] {
                let text = { (english: String, inArabic: String) in arabic ? Bidi.visual(inArabic) : english }
                let desk = try DeskHarness.startDesk(
                    q, width: width, height: height, arguments: arabic ? "--lang ar --bidi app" : "")
                try desk.waitFor { $0.contains(text("Incidents", "الحوادث")) }
                try desk.send("F5")
                let area = text("Derna", "درنة")
                // The district's heading can be drawn a frame before its areas' rows: wait for both.
                let screen = try desk.waitFor { screen in
                    screen.contains(text("Derna District", "شعبية درنة"))
                        && screen.split(separator: "\n").contains { $0.contains(area) && !$0.contains("▸") }
                }
                let row =
                    screen.split(separator: "\n").first { $0.contains(area) && !$0.contains("▸") }.map(String.init)
                    ?? ""
                let trimmed = row.trimmingCharacters(in: .whitespaces)
                XCTAssertTrue(
                    arabic ? trimmed.hasSuffix(area) : trimmed.hasPrefix(area),
                    "the area at the start side (\(width)×\(height)): \(row)")
                XCTAssertTrue(row.contains(text("G 0%", "ف")), "the gap's letter (\(width)×\(height)): \(row)")
                try desk.send("Enter")
                let detail = try desk.waitFor { $0.contains(text("Needs (1)", "الاحتياجات (1)")) }
                XCTAssertEqual(
                    detail.contains(text("Derna District", "شعبية درنة")), width >= 120,
                    "beside the board when wide, instead of it when narrow:\n\(detail)")
                try desk.send("Escape", "f")
                try desk.waitFor { $0.contains(text("Filter the coverage board", "تصفية لوحة التغطية")) }
                try desk.type("Tobruk")
                try desk.send("Enter", "Enter", "Enter")
                let refused = try desk.waitFor { $0.contains("'Tobruk'") }
                XCTAssertTrue(
                    refused.contains(text("Filter the coverage board", "تصفية لوحة التغطية")),
                    "a municipality is no district: the form stays\n\(refused)")
                try desk.send("Escape", "q")
                try desk.waitFor { !$0.contains(text("Coverage", "التغطية")) }
            }
        }
    }
}
