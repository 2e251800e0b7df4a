import QanatCore
import XCTest

@testable import QanatJournal

final class JournalFileTests: XCTestCase {
    func testAppendedLinesAreChainedAndVerify() throws {
        let path = try temporaryDirectory() + "/journal.jsonl"
        let writer = JournalWriter(path: path)
        for i in 0..<5 { try writer.append(sampleMessage(second: Int64(i))) }
        let report = try ChainVerifier.verify(path: path)
        XCTAssertEqual(report.lines, 5)
        XCTAssertEqual(report.chained, 5)
        XCTAssertTrue(report.isIntact)
    }

    func testVerifyFindsChangedRemovedAndReorderedLines() throws {
        let dir = try temporaryDirectory()
        let path = dir + "/journal.jsonl"
        for i in 0..<5 { try JournalWriter(path: path).append(sampleMessage(second: Int64(i))) }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)

        func verify(_ altered: [String]) throws -> [Int] {
            let copy = dir + "/altered.jsonl"
            try (altered.joined(separator: "\n") + "\n").write(toFile: copy, atomically: false, encoding: .utf8)
            return try ChainVerifier.verify(path: copy).breaks.map(\.line)
        }
        var changed = lines
        changed[1] = changed[1].replacingOccurrences(of: "Road to Derna", with: "Road to Sirte")
        XCTAssertEqual(try verify(changed), [3])
        XCTAssertEqual(try verify(Array(lines[0..<2] + lines[3...])), [3])
        XCTAssertEqual(try verify([lines[0], lines[2], lines[1], lines[3], lines[4]]), [2, 3, 4])
    }

    func testThirdPartyLineIsUnchainedButTheNextQanatLineChainsToIt() throws {
        let path = try temporaryDirectory() + "/journal.jsonl"
        try JournalWriter(path: path).append(sampleMessage(second: 0))
        var thirdParty = sampleMessage(second: 1)
        thirdParty.officer = "radio logger"
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(EventCodec.encode(thirdParty, previousLineHash: nil) + [0x0A]))
        handle.closeFile()
        try JournalWriter(path: path).append(sampleMessage(second: 2))
        let report = try ChainVerifier.verify(path: path)
        XCTAssertEqual([report.chained, report.unchained], [2, 1])
        XCTAssertTrue(report.isIntact)
    }

    func testScannerWaitsForATornLineAndResumes() throws {
        let path = try temporaryDirectory() + "/journal.jsonl"
        try JournalWriter(path: path).append(sampleMessage(second: 0))
        let torn = EventCodec.encode(sampleMessage(second: 1), previousLineHash: nil)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(torn.prefix(40)))

        let scanner = try JournalScanner(path: path)
        XCTAssertEqual(try scanner.read(limit: 10).map(\.number), [1])
        XCTAssertEqual(try scanner.read(limit: 10).count, 0)
        XCTAssertEqual(scanner.pendingBytes, 40)

        handle.write(Data(torn.dropFirst(40) + [0x0A]))
        handle.closeFile()
        let rest = try scanner.read(limit: 10)
        XCTAssertEqual(rest.map(\.number), [2])
        XCTAssertEqual(rest.first?.bytes, torn)
        XCTAssertNoThrow(try EventCodec.decode(rest[0].bytes))
    }

    func testScannerResumesFromAnOffsetAcrossSmallChunks() throws {
        let path = try temporaryDirectory() + "/journal.jsonl"
        try JournalWriter(path: path).append((0..<20).map { sampleMessage(second: Int64($0)) })
        let all = try JournalScanner(path: path).read(limit: 100, chunkSize: 7)
        XCTAssertEqual(all.count, 20)
        let resumed = try JournalScanner(path: path, offset: all[11].offset, lineNumber: 12).read(
            limit: 100, chunkSize: 64)
        XCTAssertEqual(resumed.map(\.number), Array(12...20))
        XCTAssertEqual(resumed.map(\.bytes), all[11...].map(\.bytes))
    }

    func testWriterEndsATornFragmentBeforeItsOwnLine() throws {
        let path = try temporaryDirectory() + "/journal.jsonl"
        try Data("{\"v\":1,\"id\":\"cut".utf8).write(to: URL(fileURLWithPath: path))
        let event = sampleMessage()
        try JournalWriter(path: path).append(event)
        let lines = try JournalScanner(path: path).read(limit: 10)
        XCTAssertEqual(lines.count, 2)
        XCTAssertEqual(try EventCodec.decode(lines[1].bytes).event, event)
    }

    func testRejectsKeepTheBytesOfInvalidUTF8() throws {
        let journal = try temporaryDirectory() + "/journal.jsonl"
        let rejects = RejectsFile(journalPath: journal)
        try rejects.append(
            [
                .init(
                    journal: journal, line: 7, offset: 100, reason: "invalid UTF-8 at byte 3",
                    bytes: [0x61, 0xFF, 0x62])
            ],
            at: Timestamp(millisecondsSinceEpoch: 0))
        let text = try String(contentsOfFile: rejects.path, encoding: .utf8)
        XCTAssertTrue(text.contains(#""line":7"#))
        XCTAssertTrue(text.contains(#""base64":"Yf9i""#))
    }
}
