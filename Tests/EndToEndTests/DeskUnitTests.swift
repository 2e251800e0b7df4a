import Foundation
import QanatTestSupport
import XCTest

/// Units from the desk, in a real terminal: added (a wrong call sign refused beside its field,
/// then put right) and changed, with the same rules as `qanat unit add|update`.
final class DeskUnitTests: XCTestCase {
    func testAUnitIsAddedAndChangedFromTheDesk() throws {
        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init").status, 0)
        let desk = try DeskHarness.startDesk(q, width: 80, height: 24)
        try desk.waitFor { $0.contains("@ CD") }
        try desk.send("F3")
        try desk.waitFor { $0.contains("No units registered") }
        try desk.send("n")
        try desk.waitFor { $0.contains("Add a unit") }
        try desk.type("bad sign!")
        try desk.send("Tab", "Tab", "Right", "Tab")
        try desk.type("boat, pump")
        try desk.send("Tab")
        try desk.type("VHF ch 5")
        try desk.send("Enter")
        var screen = try desk.waitFor { $0.contains("⚠") }
        XCTAssertTrue(screen.contains("is not a call sign") || screen.contains("call sign"), screen)
        // The wrong field has the focus, its text kept: put it right.
        try desk.send("End")
        for _ in 0..<12 { try desk.send("BSpace") }
        try desk.type("CD-TRP-09")
        try desk.send("Tab", "Tab", "Tab", "Tab", "Enter")
        screen = try desk.waitFor { $0.contains("CD-TRP-09") && !$0.contains("Add a unit") }
        var listed = try q.run("list", "units", "--json").stdout
        XCTAssertTrue(
            listed.contains(#""callsign":"CD-TRP-09""#) && listed.contains("boat") && listed.contains("pump"), listed)

        try desk.send("e")
        try desk.waitFor { $0.contains("Change unit CD-TRP-09") }
        try desk.send("Tab", "Tab", "End")
        try desk.type(", +218 91 000 0009")
        try desk.send("Enter")
        try desk.waitFor { !$0.contains("Change unit") }
        listed = try q.run("list", "units", "--json").stdout
        XCTAssertTrue(listed.contains("VHF ch 5, +218 91 000 0009"), listed)
        try desk.send("Enter")
        screen = try desk.waitFor { $0.contains("History") }
        XCTAssertTrue(screen.contains("VHF ch 5, +218 91 000 0009") && screen.contains("registered"), screen)
        try desk.send("q")
    }
}
