import Foundation
import QanatTestSupport
import XCTest

/// `qanat init` makes or upgrades a store at its real path only: a link there (to another user's
/// file), or an empty file it did not make, is refused and left as it was.
final class InitPathTests: XCTestCase {
    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
    }

    func testALinkAtTheStoresPathIsRefusedAndItsTargetUntouched() throws {
        let q = try QanatProcess()
        let victim = q.directory + "/victim-notes"
        FileManager.default.createFile(atPath: victim, contents: nil, attributes: [.posixPermissions: 0o600])
        try FileManager.default.createSymbolicLink(atPath: q.database, withDestinationPath: victim)
        let made = try q.run("init")
        XCTAssertEqual(made.status, 1, made.stderr)
        XCTAssertTrue(made.stderr.contains("is a link: give the store's real path"), made.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: victim)).count, 0, "the target is not made a store")
        XCTAssertEqual(try mode(victim), 0o600, "nor given to the group")
    }

    func testALinkAtAWALFileIsRefused() throws {
        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init").status, 0)
        let victim = q.directory + "/victim"
        FileManager.default.createFile(
            atPath: victim, contents: Data("mine".utf8), attributes: [.posixPermissions: 0o600])
        try? FileManager.default.removeItem(atPath: q.database + "-shm")
        try FileManager.default.createSymbolicLink(atPath: q.database + "-shm", withDestinationPath: victim)
        let again = try q.run("init")
        XCTAssertEqual(again.status, 1, again.stderr)
        XCTAssertEqual(try mode(victim), 0o600)
        XCTAssertEqual(try String(contentsOfFile: victim, encoding: .utf8), "mine")
    }

    func testAnEmptyFileInitDidNotMakeIsRefused() throws {
        let q = try QanatProcess()
        FileManager.default.createFile(atPath: q.database, contents: nil, attributes: [.posixPermissions: 0o644])
        let made = try q.run("init")
        XCTAssertEqual(made.status, 1, made.stderr)
        XCTAssertTrue(made.stderr.contains("is an empty file init did not make"), made.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: q.database)).count, 0)
        XCTAssertEqual(try mode(q.database), 0o644)
    }
}
