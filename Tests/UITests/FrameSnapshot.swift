import Foundation
import XCTest

@testable import QanatUI

/// Compares a frame, as text and then as a grid of style letters (one per cell, as ratatui's
/// buffer assertions do: a lost highlight or a wrong severity colour fails), with
/// `Snapshots/NAME-WxH.txt` at each size. A missing snapshot is written and the test fails, so a
/// new screen is looked at once before it is trusted; set QANAT_RECORD_SNAPSHOTS=1 to rewrite
/// them after a deliberate change.
func assertFrameSnapshot(
    _ name: String, sizes: [(Int, Int)], file: StaticString = #filePath, line: UInt = #line,
    _ render: (Int, Int) -> Frame
) {
    let directory = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Snapshots")
    for (width, height) in sizes {
        let frame = render(width, height)
        XCTAssertEqual(frame.lines.count, height)
        for (index, text) in frame.lines.enumerated() {
            XCTAssertLessThanOrEqual(
                DisplayWidthProbe.cells(text), width, "\(name) row \(index) overflows", file: file, line: line)
        }
        let url = directory.appendingPathComponent("\(name)-\(width)x\(height).txt")
        let actual =
            frame.lines.joined(separator: "\n") + "\n" + styleSeparator + "\n"
            + styleGrid(frame).joined(separator: "\n") + "\n"
        let recorded = try? String(contentsOf: url, encoding: .utf8)
        if recorded == nil || ProcessInfo.processInfo.environment["QANAT_RECORD_SNAPSHOTS"] == "1" {
            try? actual.write(to: url, atomically: false, encoding: .utf8)
            if recorded == nil {
                XCTFail("recorded \(url.lastPathComponent); look at it and run again", file: file, line: line)
            }
            continue
        }
        XCTAssertEqual(
            actual, recorded, "\(name) at \(width)x\(height) differs from its snapshot", file: file, line: line)
    }
}

let styleSeparator =
    "--- styles: " + StyleRole.allCases.map { "\(styleLetters[$0] ?? "?")=\($0.rawValue)" }.joined(separator: " ")

/// One letter per role, fixed here so that a snapshot keeps its meaning when roles are added.
let styleLetters: [StyleRole: Character] = [
    .normal: ".", .dim: "d", .header: "h", .tabActive: "T", .tabInactive: "t", .selected: "S", .statusBar: "b",
    .statusLive: "L", .statusBusy: "B", .statusOffline: "O", .severityMinor: "1", .severityModerate: "2",
    .severitySevere: "3",
    .severityExtreme: "4", .priorityRoutine: "r", .priorityPriority: "p", .priorityImmediate: "i", .priorityFlash: "F",
    .unacknowledged: "U", .timerWarning: "w", .timerAlarm: "A", .groupHeader: "g", .key: "k", .overlay: "o",
    .error: "E",
    .title: "^", .match: "m",
]

/// Each row's cells as their roles' letters.
func styleGrid(_ frame: Frame) -> [String] {
    (0..<frame.height).map { y in String((0..<frame.width).map { styleLetters[frame[$0, y].role] ?? "?" }) }
}

final class StyleGridTests: XCTestCase {
    func testEveryRoleHasItsOwnLetter() {
        XCTAssertEqual(Set(StyleRole.allCases), Set(styleLetters.keys))
        XCTAssertEqual(Set(styleLetters.values).count, styleLetters.count, "no two roles share a letter")
    }
}
