import Foundation
import QanatTestSupport
import QanatText
import XCTest

/// Starts the real desk in tmux on a store of the test's own.
enum DeskHarness {
    /// The desk in tmux. With `recording`, the bytes it writes to its terminal are kept there too
    /// (through `script`), for what a screen cannot show: mode switches.
    static func startDesk(
        _ q: QanatProcess, width: Int = 160, height: Int = 48, extra: [String: String] = [:],
        arguments: String = "", recording: String? = nil
    ) throws -> TmuxSession {
        var env = q.environment.filter {
            ["QANAT_DB", "QANAT_JOURNAL", "QANAT_LOG", "QANAT_OFFICER", "HOME", "PATH", "XDG_DATA_HOME"].contains(
                $0.key)
        }
        env["QANAT_AGENCY"] = "CD"
        env["LANG"] = "C.UTF-8"
        env["TERM"] = "screen-256color"
        env["QANAT_CONFIG"] = "/nonexistent/qanat-test-config.toml"  // the developer's own settings stay out
        let desk = QanatProcess.binary + " " + arguments
        return try TmuxSession(
            command: recording.map { "script -qfec '\(desk)' \($0)" } ?? desk, width: width, height: height,
            environment: env.merging(extra) { $1 })
    }

    /// Fills the open-incident form (flash flood, the default type) and sends it.
    static func openFlashFlood(_ desk: TmuxSession, area: String, title: String) throws {
        try desk.send("o")
        try desk.waitFor { $0.contains("Open an incident") }
        try desk.send("Tab", "Tab")
        try desk.type(area)
        try desk.send("Tab")
        try desk.type(title)
        try desk.send("Enter", "Enter", "Enter", "Enter")
    }

    static func seed(_ q: QanatProcess) throws -> String {
        try q.run("init")
        let ref = try q.run(
            "incident", "open", "--type", "flood.flashFlood", "--severity", "extreme", "--area", "Derna",
            "--title", "Flash flood at the Wadi Derna bridge", "--agency", "NCEMC"
        ).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try q.run("unit", "add", "CD-DRN-01", "--agency", "CD", "--kind", "waterRescue")
        try q.run("assign", ref, "CD-DRN-01")
        return ref
    }
}

/// The desk in a real terminal (tmux), with real processes writing to its store.
final class DeskTerminalTests: XCTestCase {
    func testBoardsKeysAndALiveWriteFromAnotherProcess() throws {
        let q = try QanatProcess()
        let ref = try DeskHarness.seed(q)
        let desk = try DeskHarness.startDesk(q)
        var screen = try desk.waitFor { $0.contains(ref) }
        XCTAssertTrue(screen.contains("F2 Incidents"), screen)
        XCTAssertTrue(screen.contains("Flash flood at the Wadi Derna bridge"))
        XCTAssertTrue(screen.contains("CD @ CD") || screen.contains("@ CD"))

        try desk.send("Enter")
        screen = try desk.waitFor { $0.contains("Timeline") }
        XCTAssertTrue(screen.contains("CD-DRN-01 tasked"), screen)

        try desk.send("F3")
        screen = try desk.waitFor { $0.contains("on scene") || $0.contains("assigned (1)") }
        XCTAssertTrue(screen.contains("CD-DRN-01"), screen)

        try desk.send("F4")
        try desk.waitFor { $0.contains("No messages yet.") }
        let posted = try q.run(
            "post", "--from", "LRC", "--to", "CD", "--priority", "flash", "--channel", "radio", "--ack",
            "Second boat needed at the bridge")
        XCTAssertEqual(posted.status, 0)
        screen = try desk.waitFor(2) { $0.contains("Second boat needed at the bridge") }
        XCTAssertTrue(
            screen.contains("Second boat needed at the bridge"), "a write elsewhere appears without a key: \(screen)")
        XCTAssertTrue(screen.contains("unack: 1"))

        try desk.send("?")
        XCTAssertTrue(try desk.waitFor { $0.contains("Esc or ? closes this help") }.contains("this help"))
        try desk.send("Escape")
        try desk.send("q")
        let deadline = Date().addingTimeInterval(3)
        while !desk.isDead, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertTrue(desk.isDead, "q quits")
    }

    func testResizeFromLargeToSmallAndBack() throws {
        let q = try QanatProcess()
        let ref = try DeskHarness.seed(q)
        let desk = try DeskHarness.startDesk(q, width: 160, height: 48)
        var screen = try desk.waitFor { $0.contains(ref) }
        XCTAssertTrue(screen.contains("Lead"), "the wide board shows the lead column")
        try desk.resize(width: 80, height: 24)
        screen = try desk.waitFor { !$0.contains("Lead") && $0.contains(ref) }
        let small = screen.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(small.count, 24)
        XCTAssertTrue(small[23].contains("LY │"), "the status bar is on the last row: \(screen)")
        try desk.resize(width: 160, height: 48)
        screen = try desk.waitFor { $0.contains("Lead") }
        XCTAssertTrue(screen.split(separator: "\n", omittingEmptySubsequences: false)[47].contains("LY │"))
    }

    func testFilteringTheBoardByAreaAsksTheStore() throws {
        let q = try QanatProcess()
        let derna = try DeskHarness.seed(q)
        let sabha = try q.run(
            "incident", "open", "--type", "fire", "--severity", "minor", "--area", "Sabha",
            "--title", "Market fire in Sabha"
        ).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let desk = try DeskHarness.startDesk(q, width: 120, height: 30)
        try desk.waitFor { $0.contains(derna) && $0.contains(sabha) }
        try desk.send("f")
        try desk.waitFor { $0.contains("Show incidents") }
        try desk.send("Tab", "Tab", "Tab", "Tab")
        try desk.type("سبها")
        try desk.send("Enter")
        let screen = try desk.waitFor { !$0.contains(derna) && $0.contains("filtered") }
        XCTAssertTrue(screen.contains(sabha), screen)
        XCTAssertFalse(screen.contains(derna), screen)

        // The duplicate check asks the store, not the filtered board.
        try DeskHarness.openFlashFlood(desk, area: "Derna", title: "Flood again")
        XCTAssertTrue(try desk.waitFor { $0.contains("Likely duplicate of") }.contains("Likely duplicate of \(derna)"))
    }

    func testAMouseClickSelectsTheRow() throws {
        let q = try QanatProcess()
        let derna = try DeskHarness.seed(q)
        let sabha = try q.run(
            "incident", "open", "--type", "fire", "--severity", "minor", "--area", "Sabha",
            "--title", "Market fire in Sabha"
        ).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let desk = try DeskHarness.startDesk(q, width: 100, height: 30)
        let screen = try desk.waitFor { $0.contains(derna) && $0.contains(sabha) }
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
        let sabhaRow = try XCTUnwrap(rows.firstIndex { $0.contains(sabha) })
        try desk.click(x: 3, y: sabhaRow)
        try desk.send("Enter")
        let detail = try desk.waitFor { $0.contains("Timeline") }
        XCTAssertTrue(detail.contains("Market fire in Sabha"), "the clicked incident's detail: \(detail)")
    }

    func testEveryThemeStartsAndNoColourStillShowsTheBoard() throws {
        let q = try QanatProcess()
        let ref = try DeskHarness.seed(q)
        for theme in ["light", "high-contrast", "colour-blind"] {
            let desk = try DeskHarness.startDesk(q, width: 100, height: 30, arguments: "--theme \(theme)")
            XCTAssertTrue(try desk.waitFor { $0.contains(ref) }.contains(ref), theme)
        }
        let plain = try DeskHarness.startDesk(q, width: 100, height: 30, extra: ["NO_COLOR": "1"])
        XCTAssertTrue(try plain.waitFor { $0.contains(ref) }.contains("F2 Incidents"))
    }

    func testHostileTextNeverReachesTheTerminal() throws {
        let q = try QanatProcess()
        _ = try DeskHarness.seed(q)
        let desk = try DeskHarness.startDesk(q)
        try desk.waitFor { $0.contains("F2 Incidents") }
        let titleBefore = try desk.paneTitle()
        try desk.send("F4")
        let hostile = "\u{1B}]0;PWNED\u{07}\u{1B}[2J\u{1B}[H\rspoofed\u{202E}gnp.exe tail"
        XCTAssertEqual(
            try q.run("post", "--from", "CD", "--to", "*", "--priority", "routine", "--channel", "sms", hostile).status,
            0)
        let screen = try desk.waitFor(3) { $0.contains("tail") }
        XCTAssertTrue(screen.contains("␛]0;PWNED␇␛[2J␛[H␍spoofed␦gnp.exe tail"), screen)
        XCTAssertTrue(screen.contains("F2 Incidents"), "the screen was not cleared")
        XCTAssertEqual(try desk.paneTitle(), titleBefore, "the title was not set from data")
        XCTAssertFalse(try desk.paneTitle().contains("PWNED"))
    }
}

/// Writing from the desk: forms, validation beside the field, the duplicate warning, acknowledging.
final class DeskFormTests: XCTestCase {
    func testOpenAnIncidentPostAMessageAndAcknowledgeThroughTheDesk() throws {
        let q = try QanatProcess()
        let first = try DeskHarness.seed(q)
        let desk = try DeskHarness.startDesk(q, width: 120, height: 40)
        try desk.waitFor { $0.contains(first) }

        // Open an incident: flash flood (the default type) in Derna again → likely duplicate, then confirmed.
        try DeskHarness.openFlashFlood(desk, area: "درنة", title: "Second report of the Derna flood")
        var screen = try desk.waitFor { $0.contains("Likely duplicate of \(first)") }
        XCTAssertTrue(screen.contains("Likely duplicate of \(first)"), screen)
        try desk.send("Enter")
        screen = try desk.waitFor {
            $0.contains("Second report of the Derna flood") && !$0.contains("Open an incident")
        }
        XCTAssertTrue(screen.contains("recorded"), screen)
        XCTAssertEqual(try q.run("list", "incidents", "--json").lines.count, 2)

        // Post a message with a wrong recipient: the error sits beside the field, the text stays.
        try desk.send("m")
        try desk.waitFor { $0.contains("New message") }
        try desk.send("BSpace")
        try desk.type("XYZ")
        try desk.send("Tab", "Tab", "Tab", "Tab")
        try desk.type("نحتاج قوارب إضافية")
        try desk.send("Enter", "Enter", "Enter")
        screen = try desk.waitFor { $0.contains("'XYZ' is not one of") }
        XCTAssertTrue(
            screen.contains("To (codes or *): 'XYZ' is not one of"), "the field named by its label: \(screen)")
        XCTAssertTrue(
            screen.contains(Bidi.visual("نحتاج قوارب إضافية")),
            "what was typed is still there, joined and right to left")
        try desk.send("BSpace", "BSpace", "BSpace")
        try desk.type("LRC")
        for _ in 0..<7 { try desk.send("Enter") }
        try desk.waitFor { !$0.contains("New message") }
        XCTAssertTrue(try q.run("list", "messages", "--json").stdout.contains("نحتاج قوارب إضافية"))

        // Another agency asks CD to acknowledge; the officer does it from the log.
        let id = try q.run(
            "post", "--from", "LRC", "--to", "CD", "--priority", "flash", "--channel", "radio", "--ack",
            "Confirm the road is closed"
        ).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try desk.send("F4")
        try desk.waitFor { $0.contains("Confirm the road is closed") && $0.contains("unack: 1") }
        // Following live, nothing is selected: `a` acknowledges only once the officer has chosen the message.
        try desk.send("a")
        try desk.waitFor { $0.contains("nothing selected") }
        try desk.send("Up", "a")
        screen = try desk.waitFor { $0.contains("unack: 0") }
        XCTAssertTrue(screen.contains("unack: 0"), screen)
        XCTAssertTrue(try q.run("list", "messages", "--json").stdout.contains(#""id":"\#(id)""#))
        let acks = try q.run("list", "messages", "--json").lines.first { $0.contains(id) } ?? ""
        XCTAssertTrue(acks.contains(#""acks":[{"agency":"CD""#), acks)
    }

    func testTheLogFiltersInTheStoreAndJumpsToTheIncident() throws {
        let q = try QanatProcess()
        let ref = try DeskHarness.seed(q)
        try q.run(
            "post", "--from", "LRC", "--to", "CD", "--priority", "flash", "--channel", "radio", "--ack",
            "--incident", ref, "Boat two stuck at the bridge")
        try q.run(
            "post", "--from", "MOI", "--to", "*", "--priority", "routine", "--channel", "phone", "Shift change at 20:00"
        )
        let desk = try DeskHarness.startDesk(q, width: 120, height: 30)
        try desk.waitFor { $0.contains(ref) }
        try desk.send("F4")
        try desk.waitFor {
            $0.contains("Boat two stuck") && $0.contains("Shift change at 20:00") && $0.contains("unack: 1")
        }

        try desk.send("u")
        var screen = try desk.waitFor { !$0.contains("Shift change at 20:00") }
        XCTAssertTrue(screen.contains("[unacknowledged]"), screen)
        XCTAssertTrue(screen.contains("Boat two stuck"), screen)

        // Enter reads the whole message; Enter again goes to its incident.
        try desk.send("Up", "Enter")
        screen = try desk.waitFor { $0.contains("Acknowledgements 0/1") }
        XCTAssertTrue(screen.contains("CD awaiting"), "the message, read whole: \(screen)")
        try desk.send("Enter")
        screen = try desk.waitFor { $0.contains("Timeline") }
        XCTAssertTrue(
            screen.contains("Flash flood at the Wadi Derna bridge"), "the linked incident's detail: \(screen)")
        XCTAssertTrue(screen.contains("Boat two stuck"), "its timeline holds the message: \(screen)")

        // Search the store, then run a command from the palette by name.
        try desk.send("Escape", "/")
        try desk.type("shift change")
        try desk.send("Enter")
        screen = try desk.waitFor { $0.contains("Enter opens") }
        XCTAssertTrue(screen.contains("MOI  Shift change at 20:00"), screen)
        try desk.send("Escape", ":")
        try desk.type("group")
        try desk.send("Enter")
        XCTAssertTrue(
            try desk.waitFor { $0.contains("[by agency]") }.contains("F3 Units"), "the units board, grouped by agency")
    }
}
