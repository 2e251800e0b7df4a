import Foundation
import QanatTestSupport
import QanatText
import XCTest

/// The risk board in a real terminal, in English and Arabic: the matrix, a cell's risks, and a
/// review recorded by another process reaching it.
final class RiskTerminalTests: XCTestCase {
    func testTheMatrixInBothLanguagesAndAReviewFromAnotherProcess() throws {
        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init").status, 0)
        let id = try q.run(
            "risk", "add", "--hazard", "damFailure", "--title", "Wadi Derna dams fail", "--area", "Derna",
            "--likelihood", "3",
            "--impact", "5", "--owner", "NCEMC", "--review", "2020-01-01"
        ).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let ref = try q.run(
            "incident", "open", "--type", "flood.damFailure", "--severity", "extreme", "--area", "Derna", "--title",
            "Breach"
        )
        .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        for arabic in [false, true] {
            for (width, height) in [(80, 24), (160, 48)] {
                let text = { (english: String, inArabic: String) in arabic ? Bidi.visual(inArabic) : english }
                let desk = try DeskHarness.startDesk(
                    q, width: width, height: height, arguments: arabic ? "--lang ar --bidi app" : "")
                try desk.waitFor { $0.contains(text("Incidents", "الحوادث")) }
                try desk.send("F6")
                // High, one risk, its review overdue: the letter and the mark read without colour.
                var screen = try desk.waitFor { $0.contains(text("H 1 !", "ع 1 !")) }
                XCTAssertTrue(screen.contains(text("H 1 !", "ع 1 !")), "\(width)×\(height):\n\(screen)")
                try desk.send(arabic ? "Left" : "Right", arabic ? "Left" : "Right", "Enter")
                screen = try desk.waitFor { $0.contains(text("Wadi Derna dams fail", "Wadi Derna dams fail")) }
                XCTAssertTrue(screen.contains(text("overdue", "متأخرة")), screen)
                screen = try desk.waitFor { $0.contains(ref) }
                XCTAssertTrue(screen.contains(ref), "the incident the risk produced, in its detail:\n\(screen)")
                try desk.send("Escape", "q")
                try desk.waitFor { !$0.contains(text("Risks", "المخاطر")) }
            }
        }
        // A review written elsewhere clears the overdue mark on an open board.
        let desk = try DeskHarness.startDesk(q, width: 80, height: 24)
        try desk.waitFor { $0.contains("F2 Incidents") }
        try desk.send("F6")
        try desk.waitFor { $0.contains("H 1 !") }
        XCTAssertEqual(try q.run("risk", "review", id, "--note", "checked", "--next", "2099-01-01").status, 0)
        let after = try desk.waitFor { !$0.contains("H 1 !") && $0.contains("H 1") }
        XCTAssertTrue(after.contains("H 1"), after)
        try desk.send("q")
    }
}
