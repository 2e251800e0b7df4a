import Foundation
import QanatChannel
import QanatCore
import QanatScratch
import XCTest

/// A writer's journal in a store's journals/: a file a month, its own even where another member
/// planted the month's name first.
final class JournalPlaceTests: XCTestCase {
    func testEachMonthHasItsOwnFileAndAPlantedNameIsSteppedAround() throws {
        let directory = try scratchDirectory("place")
        let november = try XCTUnwrap(Month("2026-11"))
        let december = try XCTUnwrap(Month("2026-12"))
        XCTAssertEqual(
            JournalPlace.own(in: directory, user: "huda", month: november), directory + "/huda.2026-11.jsonl")
        XCTAssertEqual(
            JournalPlace.own(in: directory, user: "huda", month: december), directory + "/huda.2026-12.jsonl")

        // December's name made first by someone else; November's file of this writer's own beside it.
        XCTAssertTrue(FileManager.default.createFile(atPath: directory + "/huda.2026-12.jsonl", contents: nil))
        XCTAssertEqual(chown(directory + "/huda.2026-12.jsonl", geteuid() + 1, gid_t.max), 0)
        XCTAssertTrue(FileManager.default.createFile(atPath: directory + "/huda.2026-11.jsonl", contents: nil))
        let elsewhere = JournalPlace.own(in: directory, user: "huda", month: december)
        XCTAssertTrue(elsewhere.hasPrefix(directory + "/huda.2026-12.") && elsewhere.hasSuffix(".jsonl"), elsewhere)
        XCTAssertNotEqual(elsewhere, directory + "/huda.2026-12.jsonl")
        XCTAssertEqual(JournalPlace.own(in: directory, user: "huda", month: december), elsewhere, "one name a process")
    }

    func testAMonthlyTargetIsThisMonthsFile() {
        let target = JournalTarget.monthly(directory: "/srv/qanat/journals", user: "omar")
        XCTAssertEqual(target.path, "/srv/qanat/journals/omar.\(Month(of: Clock.now())).jsonl")
        XCTAssertEqual(JournalTarget.file("/tmp/gateway.jsonl").path, "/tmp/gateway.jsonl")
    }
}
