import Foundation
import QanatChannel
import QanatCore
import QanatFixtures
import QanatJournal
import QanatStore
import QanatTestSupport
import XCTest

/// A month sealed into one archive on a service store: the service reads every journal and records
/// the file's SHA-256; `archive verify` proves it and names a changed line; `archive prune` removes
/// only journal files the archive holds whole.
extension ServiceStoreTests {
    /// `user`'s journal of November 2026, written as their desk would have then (chained lines),
    /// owned by them, in the store's journals/.
    func novemberJournal(of user: String, posts: Int, body: String = "November post") throws -> String {
        let journals = (store as NSString).deletingLastPathComponent + "/journals"
        let path = journals + "/\(user).2026-11.jsonl"
        let start = try XCTUnwrap(Timestamp(rfc3339: "2026-11-20T08:00:00Z"))
        var random = SystemRandomNumberGenerator()
        let lrc = try AgencyCode("LRC")
        let events = (0..<posts).map { i in
            let at = Timestamp(millisecondsSinceEpoch: start.millisecondsSinceEpoch + Int64(i) * 60_000)
            return Event(
                id: .make(at: at, using: &random), at: at, agency: lrc, officer: user, user: user,
                payload: .messagePosted(
                    MessagePosting(
                        recipients: .everyone, priority: .routine, channel: .radio, subject: nil,
                        body: "\(body) \(i)", incident: nil, acknowledgementRequired: false)))
        }
        // Made by them, as their desk makes it (journals/' ACL included); the lines then appended.
        XCTAssertEqual(
            try SystemTool.run("/usr/sbin/runuser", ["-u", user, "--", "/bin/sh", "-c", "umask 027 && : > \(path)"]), 0)
        try JournalWriter(path: path).append(events)
        return path
    }

    func testAMonthIsSealedVerifiedAndItsJournalsPruned() throws {
        let (serviceUser, operatorUser) = try runningStoreWithOperator()
        let november = try novemberJournal(of: operatorUser, posts: 5)
        let deadline = Date().addingTimeInterval(10)
        while try events(in: store) < 7, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertEqual(try post("a December post", as: operatorUser).status, 0)
        XCTAssertEqual(try events(in: store), 8, log())

        let archive = q.directory + "/nov.jsonl"
        let sealed = try qanat("archive", "--month", "2026-11", "--out", archive)
        XCTAssertEqual(sealed.status, 0, sealed.stderr + log())
        XCTAssertTrue(sealed.stdout.hasPrefix("\(archive) sha256 "), sealed.stdout)
        XCTAssertTrue(sealed.stdout.contains("sealed:  2026-11, 5 line(s) of 1 journal(s)"), sealed.stdout)
        XCTAssertTrue(log().contains("report archive rendered for root"), log())
        let lines = try String(contentsOfFile: archive, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 6, "the manifest and November's five lines, none of December's")
        XCTAssertEqual(
            Array(lines.dropFirst()), try String(contentsOfFile: november, encoding: .utf8).split(separator: "\n"),
            "the lines verbatim")

        let verified = try qanat("archive", "verify", archive)
        XCTAssertEqual(verified.status, 0, verified.stderr)
        for expected in [
            "the archive of 2026-11, 5 lines of 1 journal(s)", "every line as sealed", "unchanged (sha256",
            "rendered by the service (\(serviceUser)) for Unix user root",
        ] {
            XCTAssertTrue(verified.stdout.contains(expected), "\(expected): \(verified.stdout)")
        }

        // One character changed in the third November line: named, line and journal.
        let changed = q.directory + "/changed.jsonl"
        let text = try String(contentsOfFile: archive, encoding: .utf8)
        try text.replacingOccurrences(of: "November post 2", with: "November post 7").write(
            toFile: changed, atomically: false, encoding: .utf8)
        let refused = try qanat("archive", "verify", changed)
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(
            refused.stderr.contains(
                "archive line 4 (journals/\(operatorUser).2026-11.jsonl line 3): changed (the next line does not chain to it)"
            ),
            refused.stderr)

        let pruned = try qanat("archive", "prune", archive)
        XCTAssertEqual(pruned.status, 0, pruned.stderr)
        XCTAssertTrue(pruned.stdout.contains("removed: journals/\(operatorUser).2026-11.jsonl"), pruned.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: november))
        XCTAssertEqual(try events(in: store), 9, "the record keeps every line pruned, and the archive's own record")
        // doctor, for a monitoring system: the pruned month's journal is no worry, and no terminal is asked for.
        let doctor = try qanat("doctor", "--json")
        XCTAssertTrue(doctor.stdout.contains("gone, a journal of 2026-11 (archived and pruned"), doctor.stdout)
        XCTAssertFalse(doctor.stdout.contains(#""subject":"terminal""#), doctor.stdout)
    }

    /// A busy month is hundreds of MiB: the service sends it after its reply, a piece at a time,
    /// instead of in one message (which held at most 32 MiB).
    func testAMonthLargerThanAnyMessageIsSealedWhole() throws {
        let (_, operatorUser) = try runningStoreWithOperator()
        // 9,000 Arabic posts of 2,000 letters: about 38 MiB of lines.
        let body = String(repeating: "بلاغ", count: 500)
        let november = try novemberJournal(of: operatorUser, posts: 9_000, body: body)
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: november)[.size] as? Int)
        XCTAssertGreaterThan(size, 33_554_432, "larger than the one message a report once travelled in")

        let archive = q.directory + "/nov.jsonl"
        let sealed = try qanat("archive", "--month", "2026-11", "--out", archive)
        XCTAssertEqual(sealed.status, 0, sealed.stderr + log())
        XCTAssertTrue(sealed.stdout.contains("sealed:  2026-11, 9000 line(s) of 1 journal(s)"), sealed.stdout)
        let sealedBytes = try Data(contentsOf: URL(fileURLWithPath: archive))
        let manifestEnd = try XCTUnwrap(sealedBytes.firstIndex(of: UInt8(ascii: "\n")))
        XCTAssertEqual(
            sealedBytes[(manifestEnd + 1)...], try Data(contentsOf: URL(fileURLWithPath: november)),
            "every line of the month, verbatim, after the manifest")
        let verified = try qanat("archive", "verify", archive)
        XCTAssertEqual(verified.status, 0, verified.stderr)
        XCTAssertTrue(verified.stdout.contains("9000 lines of 1 journal(s)"), verified.stdout)
    }

    func testOnlyAnAdminSealsAMonthThatHasEnded() throws {
        let (_, operatorUser) = try runningStoreWithOperator()
        let own = q.directory + "/operator-files"
        try FileManager.default.createDirectory(atPath: own, withIntermediateDirectories: true)
        chown(own, getpwnam(operatorUser).pointee.pw_uid, gid_t.max)
        let byOperator = try qanat("archive", "--month", "2026-11", "--out", own + "/nov.jsonl", as: operatorUser)
        XCTAssertEqual(byOperator.status, 4, byOperator.stderr)
        XCTAssertTrue(byOperator.stderr.contains("sealing a month's archive needs the admin role"), byOperator.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: own + "/nov.jsonl"))
        let current = Month(of: Clock.now()).description
        let early = try qanat("archive", "--month", current)
        XCTAssertEqual(early.status, 2)
        XCTAssertTrue(early.stderr.contains("--month \(current): not over yet (Libya time)"), early.stderr)
        // A month no journal has a line of: nothing sealed, and said so.
        let empty = try qanat("archive", "--month", "2026-10", "--out", q.directory + "/oct.jsonl")
        XCTAssertEqual(empty.status, 4, empty.stderr)
        XCTAssertTrue(
            empty.stderr.contains("no journal holds a line of 2026-10 (Libya time): nothing to seal"), empty.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: q.directory + "/oct.jsonl"))
        let malformed = try qanat("archive", "--month", "2026-13")
        XCTAssertEqual(malformed.status, 2)
        XCTAssertTrue(malformed.stderr.contains("'2026-13' is not a month: give it as 2026-11"), malformed.stderr)
    }
}
