import Foundation
import QanatTestSupport
import XCTest

/// Drafts belong to a store and an officer: text typed on the demo is never offered on the real store.
final class DraftStoreTests: XCTestCase {
    func testADraftIsOfferedOnlyOnItsOwnStore() throws {
        let q = try QanatProcess()
        try q.run("init")
        let other = q.directory + "/other.sqlite"
        XCTAssertEqual(try q.run("init", "--db", other, "--journal", q.directory + "/other.jsonl").status, 0)

        var desk = try DeskHarness.startDesk(q, width: 100, height: 30)
        try desk.waitFor { $0.contains("F2 Incidents") }
        try desk.send("m")
        try desk.waitFor { $0.contains("New message") }
        try desk.send("Tab", "Tab", "Tab", "Tab")
        try desk.type("Half a message for the real store")
        try desk.send("Escape", "q")
        try desk.waitFor { $0.contains("Quit anyway") }
        try desk.send("y")
        waitUntilDead(desk)

        desk = try DeskHarness.startDesk(q, width: 100, height: 30, extra: ["QANAT_DB": other])
        var screen = try desk.waitFor { $0.contains("F2 Incidents") }
        Thread.sleep(forTimeInterval: 0.5)
        screen = try desk.screen()
        XCTAssertFalse(screen.contains("Unsent text"), "another store's draft is not offered:\n\(screen)")
        try desk.send("m")
        screen = try desk.waitFor { $0.contains("New message") }
        XCTAssertFalse(screen.contains("Half a message"), screen)
        try desk.send("Escape", "q")
        waitUntilDead(desk)

        desk = try DeskHarness.startDesk(q, width: 100, height: 30)
        screen = try desk.waitFor { $0.contains("Unsent text from your last session") }
        try desk.send("m")
        XCTAssertTrue(try desk.waitFor { $0.contains("Half a message for the real store") }.contains("New message"))
    }

    private func waitUntilDead(_ desk: TmuxSession) {
        let deadline = Date().addingTimeInterval(5)
        while !desk.isDead, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertTrue(desk.isDead, "the desk ended")
    }
}
