import Foundation
import QanatJournal
import XCTest

@testable import QanatStore

/// An archive's manifest is read as untrusted: one that claims more lines than the file holds is
/// answered at once, naming the first line missing, whatever it claims.
final class ArchiveVerifierTests: XCTestCase {
    func testAManifestClaimingBillionsOfLinesIsAnsweredAtOnce() throws {
        let directory = try temporaryDirectory()
        let manifest = ArchiveManifest(
            month: "2026-11", store: "/var/lib/qanat/qanat.sqlite", sealed: "2026-12-01T00:00:00Z", qanat: "0.13.0",
            journals: [
                .init(
                    name: "journals/huda.2026-11.jsonl", owner: "huda", ranges: [[1, 1_000_000_000_000]],
                    ends: [.init(line: 1, hash: LineHash.hex(Array("{\"v\":1}".utf8)))],
                    anchor: nil, sha256: String(repeating: "0", count: 64))
            ], lines: 1)
        let path = directory + "/hostile.jsonl"
        let bytes = ArchiveManifest.encode(manifest) + Array("\n{\"v\":1}\n".utf8)
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        let started = Date()
        let report = try ArchiveVerifier.verify(path: path)
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "no list of a trillion numbers is made")
        XCTAssertEqual(
            report.problem, "archive line 3 (journals/huda.2026-11.jsonl line 2): missing: the archive ends before it")
    }

    func testAFileThatIsNoArchiveIsNamedSo() throws {
        let path = try temporaryDirectory() + "/report.md"
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("# Shift handover\n".utf8)))
        XCTAssertThrowsError(try ArchiveVerifier.verify(path: path)) { error in
            XCTAssertTrue("\(error)".contains("line 1 is not an archive's manifest"), "\(error)")
        }
    }
}
