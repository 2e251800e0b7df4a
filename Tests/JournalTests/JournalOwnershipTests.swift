import Foundation
import QanatCore
import XCTest

@testable import QanatJournal

/// A journal's lines are its owner's only if no one else could have written or replaced the file.
final class JournalOwnershipTests: XCTestCase {
    func journal(fileMode: mode_t, directoryMode: mode_t) throws -> (path: String, directory: String) {
        let directory = try temporaryDirectory()
        let path = directory + "/smsgw.jsonl"
        try JournalWriter(path: path).append(sampleMessage())
        chmod(path, fileMode)
        chmod(directory, directoryMode)
        return (path, directory)
    }

    func testANewJournalIsItsOwnersAloneToWrite() throws {
        let saved = umask(0)
        defer { umask(saved) }
        let (path, _) = try journal(fileMode: 0o640, directoryMode: 0o755)
        try FileManager.default.removeItem(atPath: path)
        try JournalWriter(path: path).append(sampleMessage())
        XCTAssertEqual(
            try XCTUnwrap(JournalOwnership.at(path: path)).mode, 0o640, "made 0640 whatever the umask allows")
    }

    func testOnlyAJournalNoOneElseCanWriteOrReplaceIsAttributed() throws {
        let (good, _) = try journal(fileMode: 0o640, directoryMode: 0o755)
        XCTAssertNil(try XCTUnwrap(JournalOwnership.at(path: good)).problem)

        let (groupWritable, _) = try journal(fileMode: 0o660, directoryMode: 0o755)
        let writable = try XCTUnwrap(JournalOwnership.at(path: groupWritable)?.problem)
        XCTAssertTrue(
            writable.detail.contains("is 0660 ") && writable.detail.contains("others besides its owner can write it"),
            writable.detail)
        XCTAssertEqual(writable.fix, "chmod 0640 \(groupWritable)")

        let (swappable, directory) = try journal(fileMode: 0o640, directoryMode: 0o2770)
        let swap = try XCTUnwrap(JournalOwnership.at(path: swappable)?.problem)
        XCTAssertTrue(swap.detail.contains("anyone who may write there can replace"), swap.detail)
        XCTAssertTrue(swap.fix.hasPrefix("chmod +t \(directory)"), swap.fix)

        let (sticky, _) = try journal(fileMode: 0o640, directoryMode: 0o3770)
        XCTAssertNil(
            try XCTUnwrap(JournalOwnership.at(path: sticky)).problem,
            "set-group-ID and sticky: no one replaces another's file")
    }

    func testADirectoryOfAnotherUserCanReplaceTheJournal() throws {
        guard getuid() == 0 else { throw XCTSkip("giving a directory to another user needs root") }
        let (path, directory) = try journal(fileMode: 0o640, directoryMode: 0o755)
        chown(directory, 4242, uid_t.max)
        let problem = try XCTUnwrap(JournalOwnership.at(path: path)?.problem)
        XCTAssertTrue(problem.detail.contains("\(directory) belongs to 4242"), problem.detail)
    }

    func testTheScannerReadsOneLineAtAnOffsetAndTheRejectsFileReadsBack() throws {
        let directory = try temporaryDirectory()
        let path = directory + "/radio.jsonl"
        try Data([0xEF, 0xBB, 0xBF] + Array("first\nsecond\nthird".utf8)).write(to: URL(fileURLWithPath: path))
        let scanner = try JournalScanner(path: path)
        XCTAssertEqual(
            try scanner.line(at: 0, number: 1)?.bytes, Array("first".utf8), "the byte order mark is no part of it")
        XCTAssertEqual(try scanner.line(at: 9, number: 2)?.bytes, Array("second".utf8))
        XCTAssertNil(try scanner.line(at: 16, number: 3), "a torn last line is no line yet")

        let rejects = RejectsFile(journalPath: path)
        let at = Timestamp(millisecondsSinceEpoch: 1_795_000_000_000)
        try rejects.append(
            [
                .init(
                    journal: path, line: 2, offset: 9, reason: "refused: written by smsgw, claims root",
                    bytes: Array("second".utf8))
            ], at: at)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: rejects.path))
        handle.seekToEndOfFile()
        handle.write(Data("{\"journal\":\"x\",\"line\":\n".utf8))
        handle.closeFile()
        let read = try rejects.entries()
        XCTAssertEqual(
            read.entries, [.init(journal: path, line: 2, offset: 9, reason: "refused: written by smsgw, claims root")])
        XCTAssertEqual(read.unreadable, 1)
    }
}
