import Foundation
import QanatTestSupport
import XCTest

/// `qanat verify` holds a journal to what ingest read of it (its anchor): lines cut from its end,
/// or a chain made again from the start over it, are found though the chain alone looks intact.
final class JournalAnchorTests: XCTestCase {
    func post(_ q: QanatProcess, _ texts: [String]) throws {
        for text in texts {
            let posted = try q.run(
                "post", "--from", "LRC", "--to", "MOI", "--priority", "routine", "--channel", "radio", text)
            XCTAssertEqual(posted.status, 0, posted.stderr)
        }
    }

    /// Writes `bytes` over the journal in place: the same file (device and inode), as an editor would.
    func overwrite(_ path: String, with bytes: Data) throws {
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: bytes)
        try handle.close()
    }

    func testVerifyFindsAJournalCutShortOrRewrittenAfterIngestReadIt() throws {
        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init").status, 0)
        try post(q, ["one", "two", "three"])
        XCTAssertEqual(try q.run("ingest", q.journal).status, 0)
        let intact = try q.run("verify")
        XCTAssertEqual(intact.status, 0, intact.stdout)
        XCTAssertTrue(
            intact.stdout.contains("chain intact") && intact.stdout.contains("holds what ingest read (through line 4)"),
            intact.stdout)

        let original = try Data(contentsOf: URL(fileURLWithPath: q.journal))
        var lines = original.split(separator: 0x0A, omittingEmptySubsequences: true)
        lines.removeLast()
        try overwrite(q.journal, with: Data(lines.joined(separator: [0x0A])) + Data([0x0A]))
        let cut = try q.run("verify")
        XCTAssertEqual(cut.status, 2, cut.stdout)
        XCTAssertTrue(cut.stdout.contains("chain intact"), "the chain alone cannot tell: \(cut.stdout)")
        XCTAssertTrue(cut.stdout.contains("NOT WHAT INGEST READ: cut short"), cut.stdout)

        // A whole other journal, its own chain intact, written over this one.
        let other = try QanatProcess()
        XCTAssertEqual(try other.run("init").status, 0)
        try post(other, ["uno", "dos", "tres", "cuatro", "cinco"])
        try overwrite(q.journal, with: try Data(contentsOf: URL(fileURLWithPath: other.journal)))
        let rewritten = try q.run("verify")
        XCTAssertEqual(rewritten.status, 2, rewritten.stdout)
        XCTAssertTrue(rewritten.stdout.contains("chain intact"), rewritten.stdout)
        XCTAssertTrue(rewritten.stdout.contains("NOT WHAT INGEST READ: rewritten: line 4"), rewritten.stdout)
    }
}
