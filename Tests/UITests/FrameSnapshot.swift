import Foundation
import XCTest
@testable import QanatUI

/// Compares a frame, as text, with `Snapshots/NAME-WxH.txt` at each size. A missing snapshot is
/// written and the test fails, so a new screen is looked at once before it is trusted; set
/// QANAT_RECORD_SNAPSHOTS=1 to rewrite them after a deliberate change.
func assertFrameSnapshot(_ name: String, sizes: [(Int, Int)], file: StaticString = #filePath, line: UInt = #line,
                         _ render: (Int, Int) -> Frame) {
    let directory = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Snapshots")
    for (width, height) in sizes {
        let frame = render(width, height)
        XCTAssertEqual(frame.lines.count, height)
        for (index, text) in frame.lines.enumerated() {
            XCTAssertLessThanOrEqual(DisplayWidthProbe.cells(text), width, "\(name) row \(index) overflows", file: file, line: line)
        }
        let url = directory.appendingPathComponent("\(name)-\(width)x\(height).txt")
        let actual = frame.lines.joined(separator: "\n") + "\n"
        let recorded = try? String(contentsOf: url, encoding: .utf8)
        if recorded == nil || ProcessInfo.processInfo.environment["QANAT_RECORD_SNAPSHOTS"] == "1" {
            try? actual.write(to: url, atomically: false, encoding: .utf8)
            if recorded == nil { XCTFail("recorded \(url.lastPathComponent); look at it and run again", file: file, line: line) }
            continue
        }
        XCTAssertEqual(actual, recorded, "\(name) at \(width)x\(height) differs from its snapshot", file: file, line: line)
    }
}
