import Foundation
import QanatCore
import QanatFixtures
import QanatJournal
import QanatTestSupport
import XCTest

/// The wall display in a real terminal: run by a Unix user who may only read the store, live on
/// another process's write, and unable to change anything whatever is typed.
final class WallTerminalTests: XCTestCase {
    /// A Unix user with no write access to the store: made for the test, which needs root for it.
    static func readOnlyUser() throws -> String { try UnixTestAccounts.user("qanatwall") }

    static func startWall(
        _ q: QanatProcess, asUser user: String? = nil, arguments: String = "", width: Int = 160,
        height: Int = 48
    ) throws -> TmuxSession {
        let env = [
            "QANAT_DB": q.database, "QANAT_LOG": "", "QANAT_CONFIG": "/nonexistent/qanat-test-config.toml",
            "LANG": "C.UTF-8", "TERM": "screen-256color", "HOME": "/tmp",
        ]
        let binary = user == nil ? QanatProcess.binary : try q.binaryForOtherUsers()
        // The copy cannot find the checkout's Themes/ either: its built-in high-contrast theme serves.
        let wall = binary + " wall " + arguments
        return try TmuxSession(
            command: user.map { "runuser -u \($0) -- \(wall)" } ?? wall, width: width, height: height, environment: env)
    }

    /// The store's bytes and who owns each of its files: what a wall must never change.
    static func fingerprint(_ q: QanatProcess) throws -> [String] {
        // Everything in the test's directory but the log and the wall's copy of the binary.
        try FileManager.default.contentsOfDirectory(atPath: q.directory).sorted().filter {
            !$0.hasSuffix(".log") && $0 != "qanat"
        }.map { name in
            let path = q.directory + "/" + name
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            let data = FileManager.default.contents(atPath: path) ?? Data()
            return "\(name) \(attributes[.ownerAccountName] ?? "?") \(data.count) \(LineHash.hex(data))"
        }
    }

    func testAUserWhoMayOnlyReadRunsTheWallSeesAFlashMessageAndCannotChangeAnything() throws {
        let user = try Self.readOnlyUser()
        let q = try QanatProcess()
        _ = try DeskHarness.seed(q)
        // Writers keep -wal and -shm (persistent WAL), so a reader that cannot create them can open the store.
        for suffix in ["-wal", "-shm"] {
            XCTAssertTrue(
                FileManager.default.fileExists(atPath: q.database + suffix),
                "\(suffix) kept after the last writer closed")
        }
        // Others may read the directory and the files, and write nothing.
        chmod(q.directory, 0o755)
        for path in [q.database, q.database + "-wal", q.database + "-shm", q.journal] { chmod(path, 0o644) }

        let wall = try Self.startWall(q, asUser: user)
        var screen = try wall.waitFor { $0.contains("Flash flood at the Wadi Derna bridge") }
        XCTAssertTrue(screen.contains("control room"), screen)
        XCTAssertTrue(screen.contains(" live "), screen)
        XCTAssertTrue(screen.contains("Units committed"), screen)

        let posted = try q.run(
            "post", "--from", "NCEMC", "--to", "*", "--priority", "flash", "--channel", "radio", "--ack",
            "Evacuate the lower wadi now")
        XCTAssertEqual(posted.status, 0, posted.stderr)
        screen = try wall.waitFor(3) { $0.contains("Evacuate the lower wadi now") }
        XCTAssertTrue(
            screen.contains("Evacuate the lower wadi now"),
            "a flash message reaches the wall within a second or so:\n\(screen)")

        let before = try Self.fingerprint(q)
        for keys in [["m"], ["o"], ["a"], ["s"], ["Enter"], [":"], ["Escape"], ["F4"], ["u"], ["L"], ["/"], ["C-c"]] {
            try wall.send(keys[0])
        }
        try wall.type("hello, نص عربي\n")
        Thread.sleep(forTimeInterval: 1)
        XCTAssertFalse(wall.isDead, "no key but q ends the wall")
        XCTAssertEqual(try Self.fingerprint(q), before, "typing on the wall changed nothing in the store's files")
        try wall.send("q")
        _ = try wall.waitFor { _ in wall.isDead }
        XCTAssertTrue(wall.isDead)
    }

    func testWithoutTheWALFilesTheWallSaysTheStoreIsUnreadableUntilAWriterOpensIt() throws {
        let user = try Self.readOnlyUser()
        let q = try QanatProcess()
        _ = try DeskHarness.seed(q)
        // Every connection is closed, so the WAL is checkpointed: what another program might leave.
        for suffix in ["-wal", "-shm"] { try FileManager.default.removeItem(atPath: q.database + suffix) }
        chmod(q.directory, 0o755)
        chmod(q.database, 0o644)
        let wall = try Self.startWall(q, asUser: user, width: 120, height: 30)
        var screen = try wall.waitFor { $0.contains("S T O R E   U N R E A D A B L E") }
        XCTAssertTrue(screen.contains("S T O R E   U N R E A D A B L E"), screen)
        XCTAssertFalse(screen.contains("Units available"), "no figures from a store it cannot read:\n\(screen)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: q.database + "-wal"), "the wall created nothing")
        // A writer opens the store: it makes the files again (its own group's mode), and the wall recovers.
        XCTAssertEqual(
            try q.run(
                "post", "--from", "MOI", "--to", "*", "--priority", "flash", "--channel", "radio", "Back on the wall"
            ).status, 0)
        for suffix in ["-wal", "-shm"] { chmod(q.database + suffix, 0o644) }
        screen = try wall.waitFor(6) { $0.contains("Back on the wall") }
        XCTAssertTrue(screen.contains("Back on the wall"), screen)
        XCTAssertFalse(screen.contains("S T O R E"), screen)

        // The terminal goes away (tmux killed, as a dropped SSH link would): the wall, under
        // runuser and so not killed by the hang-up signal, sees it and ends instead of spinning.
        try wall.tmux(["kill-server"], capture: false)
        let deadline = Date().addingTimeInterval(3)
        while Self.processes(of: user) > 0, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        XCTAssertEqual(Self.processes(of: user), 0, "no wall left running once its terminal is gone")
    }

    static func processes(of user: String) -> Int {
        let pgrep = Process()
        pgrep.executableURL = URL(fileURLWithPath: "/usr/bin/pgrep")
        pgrep.arguments = ["-u", user]
        let out = Pipe()
        pgrep.standardOutput = out
        try? pgrep.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        pgrep.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").count
    }

    func testALockedWallIgnoresQAndAnExerciseStoreSaysSo() throws {
        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init", "--exercise").status, 0)
        let wall = try Self.startWall(q, arguments: "--locked --lang ar --bidi terminal", width: 80, height: 24)
        let screen = try wall.waitFor { $0.contains("تمرين") }
        XCTAssertTrue(screen.contains("تمرين — تمرين — تمرين"), screen)
        XCTAssertTrue(screen.contains("مقفلة"), "the footer says it is locked:\n\(screen)")
        try wall.send("q")
        Thread.sleep(forTimeInterval: 0.5)
        XCTAssertFalse(wall.isDead, "locked: q does not quit")
    }
}
