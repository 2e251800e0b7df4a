import Foundation
import QanatFixtures
import QanatTestSupport
import XCTest

/// The desk over a real SSH connection: a message posted there reaches a second desk, and a
/// dropped link keeps the form being typed as a draft for the next session.
final class SshTerminalTests: XCTestCase {
    func remoteDesk(_ q: QanatProcess) -> String {
        let env = [
            "QANAT_DB=\(q.database)", "QANAT_JOURNAL=\(q.directory)/ssh-journal.jsonl", "QANAT_LOG=",
            "QANAT_OFFICER=Amal",
            "QANAT_CONFIG=/nonexistent", "XDG_DATA_HOME=\(q.directory)/ssh-data", "LANG=C.UTF-8",
        ]
        return "env \(env.joined(separator: " ")) \(QanatProcess.binary) desk --agency CD"
    }

    func testADeskOverSSHPostsToAnotherDeskAndADroppedLinkKeepsTheDraft() throws {
        let q = try QanatProcess()
        let server: SshServer
        do { server = try SshServer(directory: q.directory) } catch let error as SshServer.Unavailable {
            throw XCTSkip(error.reason)
        }
        _ = try DeskHarness.seed(q)
        let local = try DeskHarness.startDesk(q, width: 120, height: 30)
        _ = try local.waitFor { $0.contains("Flash flood at the Wadi Derna bridge") }
        try local.send("F4")

        let remote = try TmuxSession(
            command: server.ssh(remoteDesk(q)), width: 100, height: 30,
            environment: ["TERM": "screen-256color", "LANG": "C.UTF-8"])
        var screen = try remote.waitFor(10) { $0.contains("Flash flood at the Wadi Derna bridge") }
        XCTAssertTrue(screen.contains("Amal @ CD"), "the desk runs over SSH:\n\(screen)")
        try remote.send("m")
        _ = try remote.waitFor { $0.contains("New message") }
        try remote.send("Tab", "Tab", "Tab", "Tab")
        try remote.type("Boat two launched from Sousse over SSH")
        try remote.send("Enter", "Enter", "Enter")
        screen = try local.waitFor { $0.contains("Boat two launched from Sousse over SSH") }
        XCTAssertTrue(screen.contains("Boat two launched from Sousse over SSH"), "the other desk shows it:\n\(screen)")

        // Half a message typed, then the link drops (the ssh client killed, as a lost connection).
        try remote.send("m")
        _ = try remote.waitFor { $0.contains("New message") }
        try remote.send("Tab", "Tab", "Tab", "Tab")
        try remote.type("Half typed when the link dropped")
        _ = try remote.waitFor { $0.contains("Half typed when the link dropped") }
        try remote.tmux(["kill-server"], capture: false)
        let draft = q.directory + "/ssh-data/qanat/drafts"
        let deadline = Date().addingTimeInterval(5)
        while (try? FileManager.default.contentsOfDirectory(atPath: draft))?.isEmpty ?? true, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTAssertFalse(
            (try? FileManager.default.contentsOfDirectory(atPath: draft))?.isEmpty ?? true,
            "the remote desk kept the draft")

        let again = try TmuxSession(
            command: server.ssh(remoteDesk(q)), width: 100, height: 30,
            environment: ["TERM": "screen-256color", "LANG": "C.UTF-8"])
        screen = try again.waitFor(10) { $0.contains("Unsent text from your last session") }
        XCTAssertTrue(screen.contains("Unsent text from your last session is kept"), screen)
        try again.send("m")
        screen = try again.waitFor { $0.contains("Half typed when the link dropped") }
        XCTAssertTrue(screen.contains("Half typed when the link dropped"), "the draft is offered back:\n\(screen)")
        XCTAssertEqual(
            try q.run("list", "messages", "--json").lines.filter { $0.contains("Half typed") }.count, 0,
            "and was never sent")
    }
}
