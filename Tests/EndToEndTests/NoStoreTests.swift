import Foundation
import QanatTestSupport
import XCTest

/// Only `qanat init` and `qanat demo` make a store: a mistyped path must never split one channel
/// into two. Everything else stops with the path and the fix, writes nothing, and exits 5.
final class NoStoreTests: XCTestCase {
    func testEveryCommandRefusesAPathWithNoStoreAndWritesNothing() throws {
        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init").status, 0)
        let typo = q.directory + "/qanta.sqlite"
        let journalBefore = try Data(contentsOf: URL(fileURLWithPath: q.journal))
        let commands: [[String]] = [
            ["incident", "open", "--type", "fire", "--severity", "minor", "--area", "Sabha", "--title", "Fire"],
            ["post", "--from", "MOI", "--to", "*", "--priority", "routine", "--channel", "radio", "hello"],
            ["unit", "add", "CD-1", "--agency", "CD", "--kind", "rescue"],
            ["list", "incidents"],
            ["search", "fire"],
            ["ingest"],
            ["desk"],
            ["wall"],
        ]
        for command in commands {
            let result = try q.run(command, extraEnvironment: ["QANAT_DB": typo])
            XCTAssertEqual(result.status, 5, "\(command): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("no store at \(typo)"), "\(command): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("qanat init"), "\(command) names the fix: \(result.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: typo), "\(command) made no store")
        }
        XCTAssertEqual(
            try Data(contentsOf: URL(fileURLWithPath: q.journal)), journalBefore, "not even the journal was written")
    }

    func testADirectoryOrAFileThatIsNoStoreIsRefusedLikeNoStore() throws {
        let q = try QanatProcess()
        try q.run("init")
        let garbage = q.directory + "/notes.txt"
        try "not a database, just notes\n".write(toFile: garbage, atomically: false, encoding: .utf8)
        for path in [q.directory, garbage] {
            let result = try q.run(
                ["post", "--from", "MOI", "--to", "*", "--priority", "routine", "--channel", "radio", "x"],
                extraEnvironment: ["QANAT_DB": path])
            XCTAssertEqual(result.status, 5, "\(path): \(result.stderr)")
        }
        XCTAssertEqual(
            try String(contentsOfFile: q.journal, encoding: .utf8).split(separator: "\n").count, 1,
            "nothing went to the journal (init's first admin only)")
    }

    func testABareDeskWithNoDefaultStoreMakesNone() throws {
        let q = try QanatProcess()
        let home = q.directory + "/home"
        let result = try q.run(["desk"], extraEnvironment: ["QANAT_DB": "", "XDG_DATA_HOME": home])
        XCTAssertEqual(result.status, 5, result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: home + "/qanat/qanat.sqlite"))
    }

    func testTheDemoStartsAgainInADirectoryThatHoldsOne() throws {
        let q = try QanatProcess()
        let directory = q.directory + "/demo"
        XCTAssertEqual(try q.run("demo", "--directory", directory, "--print").status, 0)
        let again = try q.run("demo", "--directory", directory, "--print")
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("\(directory)/qanat-2.sqlite"), again.stdout)
    }
}

final class DeskWithoutTerminalTests: XCTestCase {
    func testTheDeskStopsAtOnceWithoutATerminal() throws {
        let q = try QanatProcess()
        try q.run("init")
        let started = Date()
        let result = try q.run("desk")
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("the desk needs a terminal"), result.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 10, "it stops instead of spinning")
    }
}
