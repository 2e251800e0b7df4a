import Foundation
import QanatTestSupport
import QanatText
import XCTest

/// The performance board in a real terminal, in English and Arabic: response times read as the
/// board comes up, and a target set and an acknowledgement made by other processes reaching it.
final class PerformanceTerminalTests: XCTestCase {
    func testResponseTimesInBothLanguagesAndATargetFromAnotherProcess() throws {
        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init").status, 0)
        try PerformanceCommandTests.traffic(into: q.database)
        for arabic in [false, true] {
            for (width, height) in [(80, 24), (160, 48)] {
                let text = { (english: String, inArabic: String) in arabic ? Bidi.visual(inArabic) : english }
                let desk = try DeskHarness.startDesk(
                    q, width: width, height: height, arguments: arabic ? "--lang ar --bidi app" : "")
                try desk.waitFor { $0.contains(text("Incidents", "الحوادث")) }
                try desk.send("F7")
                // Every agency: CD in 30 s and LRC in 90 s; p50 30 s, p90 1 min 30 s.
                let screen = try desk.waitFor { $0.contains(text("All agencies", "كل الجهات")) }
                XCTAssertTrue(screen.contains(text("1m30s", "1د30ث")), "\(width)×\(height):\n\(screen)")
                XCTAssertTrue(screen.contains(text("acknowledge", "الإقرار")), screen)
                try desk.send("q")
                try desk.waitFor { !$0.contains(text("Performance", "الأداء")) }
            }
        }
        let desk = try DeskHarness.startDesk(q, width: 160, height: 48)
        try desk.waitFor { $0.contains("F2 Incidents") }
        try desk.send("6")
        try desk.waitFor { $0.contains("All agencies") }
        XCTAssertEqual(try q.run("target", "set", "acknowledge", "60").status, 0)
        var screen = try desk.waitFor { $0.contains("≤ 1m00s at p90") }
        XCTAssertTrue(screen.contains("NO"), "1 min 30 s at the 90th percentile misses a minute:\n\(screen)")
        // MOI acknowledges the flash it owed: one waiting fewer, one more done.
        let flash = try XCTUnwrap(
            try q.run("list", "messages", "--json").lines.first { $0.contains("Dam level rising") })
        let id = try XCTUnwrap(flash.components(separatedBy: #""id":""#).dropFirst().first?.prefix(36)).description
        let acked = try q.run("ack", id, "--agency", "MOI")
        XCTAssertEqual(acked.status, 0, acked.stderr)
        // The first acknowledge row is every agency's: its Done column.
        let done = { (screen: String) in
            screen.split(separator: "\n").first { $0.contains("acknowledge") }?.split(separator: " ").dropFirst().first
                .map(String.init)
        }
        XCTAssertEqual(done(screen), "2")
        screen = try desk.waitFor { done($0) == "3" }
        XCTAssertEqual(done(screen), "3", screen)
        // A message just posted that asks CD for an acknowledgement waits at once.
        let waiting = { (screen: String) in
            screen.split(separator: "\n").first { $0.contains("acknowledge") }?.split(separator: " ").dropFirst(9).first
                .map(String.init)
        }
        XCTAssertEqual(waiting(screen), "0", screen)
        XCTAssertEqual(
            try q.run(
                "post", "--from", "MOI", "--to", "CD", "--priority", "immediate", "--channel", "radio", "--ack",
                "Report your units"
            ).status, 0)
        screen = try desk.waitFor { waiting($0) == "1" }
        XCTAssertEqual(waiting(screen), "1", screen)
        try desk.send("q")
    }
}
