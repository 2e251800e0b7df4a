import Foundation
import XCTest

/// A new directory for the running test's stores, journals and copies of the binary, removed when
/// the test finishes; kept when it fails, for the post-mortem, and its path printed. Tests make them
/// by the hundred (a binary copy is 130 MB): left behind, runs filled tens of gigabytes of /tmp.
public func scratchDirectory(_ purpose: String) throws -> String {
    let path = NSTemporaryDirectory() + "qanat-\(purpose)-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    ScratchSweeper.shared.sweepAfterThisTest(path)
    return path
}

/// Removes the directories made during a test when it finishes. XCTest runs one test at a time in
/// a process, so every directory noted since the last finish is the finishing test's.
final class ScratchSweeper: NSObject, XCTestObservation, @unchecked Sendable {
    static let shared: ScratchSweeper = {
        let sweeper = ScratchSweeper()
        XCTestObservationCenter.shared.addTestObserver(sweeper)
        return sweeper
    }()

    private let lock = NSLock()
    private var paths: [String] = []

    func sweepAfterThisTest(_ path: String) {
        lock.withLock { paths.append(path) }
    }

    func testCaseDidFinish(_ testCase: XCTestCase) {
        let made = lock.withLock {
            defer { paths = [] }
            return paths
        }
        guard testCase.testRun?.hasSucceeded ?? true else {
            for path in made { print("kept for \(testCase.name): \(path)") }
            return
        }
        for path in made { try? FileManager.default.removeItem(atPath: path) }
    }
}
