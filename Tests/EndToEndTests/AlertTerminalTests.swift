import Foundation
import QanatTestSupport
import XCTest

/// A flash message written by another process rings this desk's bell and shows a banner until
/// acknowledged; `bell = false` in the config file keeps it quiet.
final class AlertTerminalTests: XCTestCase {
    private func bells(in file: String) -> Int {
        (FileManager.default.contents(atPath: file) ?? Data()).filter { $0 == 0x07 }.count
    }

    func testAFlashForThisAgencyRingsAndShowsABannerUntilAcknowledged() throws {
        let q = try QanatProcess()
        try q.run("init")
        let raw = q.directory + "/terminal.raw"
        let desk = try DeskHarness.startDesk(q, width: 100, height: 30, recording: raw)
        try desk.waitFor { $0.contains("F2 Incidents") }
        XCTAssertEqual(bells(in: raw), 0)
        let id = try q.run(
            "post", "--from", "NCEMC", "--to", "CD", "--priority", "flash", "--channel", "radio", "--ack",
            "Evacuate the wadi now"
        ).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        var screen = try desk.waitFor { $0.contains("⚠ FLASH NCEMC") }
        XCTAssertTrue(screen.contains("Evacuate the wadi now") && screen.contains("! opens it"), screen)
        XCTAssertEqual(bells(in: raw), 1, "the bell rang once")
        // A flash to another agency is not this desk's alarm.
        try q.run(
            "post", "--from", "NCEMC", "--to", "LRC", "--priority", "flash", "--channel", "radio", "--ack",
            "For LRC only")
        try desk.waitFor { $0.contains("For LRC only") || $0.contains("unack: 1") }
        Thread.sleep(forTimeInterval: 0.3)
        XCTAssertEqual(bells(in: raw), 1)

        try q.run("ack", id, "--agency", "CD")
        screen = try desk.waitFor { !$0.contains("⚠ FLASH") }
        XCTAssertFalse(screen.contains("⚠ FLASH"), "acknowledged: the banner goes\n\(screen)")
        try quit(desk)
    }

    /// Ends the desk itself, so that the recording `script` around it ends too.
    private func quit(_ desk: TmuxSession) throws {
        try desk.send("q")
        _ = try desk.waitFor { _ in desk.isDead }
    }

    func testBellFalseInTheConfigKeepsItQuiet() throws {
        let q = try QanatProcess()
        try q.run("init")
        let config = q.directory + "/config.toml"
        try "bell = false\n".write(toFile: config, atomically: false, encoding: .utf8)
        let raw = q.directory + "/terminal.raw"
        let desk = try DeskHarness.startDesk(q, width: 100, height: 30, extra: ["QANAT_CONFIG": config], recording: raw)
        try desk.waitFor { $0.contains("F2 Incidents") }
        try q.run(
            "post", "--from", "NCEMC", "--to", "CD", "--priority", "flash", "--channel", "radio", "--ack", "Quietly")
        try desk.waitFor { $0.contains("⚠ FLASH NCEMC") }
        Thread.sleep(forTimeInterval: 0.3)
        XCTAssertEqual(bells(in: raw), 0)
        try quit(desk)
    }
}
