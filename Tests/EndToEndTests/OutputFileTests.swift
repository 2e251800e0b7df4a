import Foundation
import QanatTestSupport
import XCTest

/// `--out` of every report and export writes a new file and moves it into place: a link or a FIFO
/// planted at the name is replaced, never written through or waited on, and the file is 0640.
final class OutputFileTests: XCTestCase {
    func store() throws -> QanatProcess {
        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init").status, 0)
        return q
    }

    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
    }

    func testALinkAtTheNameIsReplacedNotWrittenThrough() throws {
        let q = try store()
        let victim = q.directory + "/victim.txt"
        try "the supervisor's notes\n".write(toFile: victim, atomically: false, encoding: .utf8)
        for (name, arguments) in [
            ("export.csv", ["export", "hxl", "organisations"]), ("report.txt", ["report", "risks"]),
        ] {
            let out = q.directory + "/" + name
            try FileManager.default.createSymbolicLink(atPath: out, withDestinationPath: victim)
            let result = try q.run(arguments + ["--out", out])
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertEqual(try String(contentsOfFile: victim, encoding: .utf8), "the supervisor's notes\n", name)
            XCTAssertNil(
                try? FileManager.default.destinationOfSymbolicLink(atPath: out), "\(name): a file now, not the link")
            XCTAssertEqual(try mode(out), 0o640, name)
            XCTAssertFalse(try String(contentsOfFile: out, encoding: .utf8).isEmpty)
        }
    }

    func testAFIFOAtTheNameIsReplacedNotWaitedOn() throws {
        let q = try store()
        let out = q.directory + "/pipe.csv"
        XCTAssertEqual(mkfifo(out, 0o600), 0)
        let process = q.process(["export", "hxl", "needs", "--out", out])
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            XCTFail("--out to a FIFO hung")
        }
        XCTAssertEqual(process.terminationStatus, 0)
        var info = stat()
        XCTAssertEqual(lstat(out, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFREG, "a regular file now")
    }

    func testAnOutputFileIsTheOwnersAndTheGroupsWhateverTheUmask() throws {
        let q = try store()
        let out = q.directory + "/open.txt"
        let direct = try q.shell("umask 000 && qanat report risks --out '\(out)'")
        direct.waitUntilExit()
        XCTAssertEqual(direct.terminationStatus, 0)
        XCTAssertEqual(try mode(out), 0o640)
    }
}
