import QanatCore
import XCTest

@testable import QanatJournal

#if canImport(Glibc)
    import Glibc
#endif

/// A write that fails part-way (a full disk) leaves no fragment for the next line to be glued to.
final class FailedWriteTests: XCTestCase {
    func testAFailedAppendIsCutBackUnderTheLock() throws {
        let dir = try temporaryDirectory()
        let path = dir + "/journal.jsonl"
        let writer = JournalWriter(path: path)
        for i in 0..<3 { try writer.append(sampleMessage(second: Int64(i))) }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        // A file-size limit a hundred bytes past the journal's end: the next write stops part-way
        // with EFBIG, as it would with ENOSPC on a full disk.
        signal(SIGXFSZ, SIG_IGN)
        let fileSize = __rlimit_resource_t(RLIMIT_FSIZE.rawValue)
        var saved = rlimit()
        getrlimit(fileSize, &saved)
        var limit = rlimit(rlim_cur: rlim_t(before.count + 100), rlim_max: saved.rlim_max)
        XCTAssertEqual(setrlimit(fileSize, &limit), 0)
        let long = sampleMessage(second: 3, body: String(repeating: "water over the bridge ", count: 40))
        XCTAssertThrowsError(try writer.append(long))
        XCTAssertEqual(setrlimit(fileSize, &saved), 0)

        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before, "nothing of the failed line is left")
        try writer.append(sampleMessage(second: 4))
        let report = try ChainVerifier.verify(path: path)
        XCTAssertEqual(report.lines, 4)
        XCTAssertTrue(report.isIntact, "the next line is whole and chains on")
    }
}
