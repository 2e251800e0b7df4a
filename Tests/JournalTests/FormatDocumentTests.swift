import Foundation
import XCTest
@testable import QanatJournal
import QanatCore

/// docs/journal-format.md is the integration API: every example in it must be a line Qanat takes,
/// and it must show every event type.
final class FormatDocumentTests: XCTestCase {
    func testEveryExampleLineDecodesAndEveryTypeHasOne() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let document = try String(contentsOf: root.appendingPathComponent("docs/journal-format.md"), encoding: .utf8)
        var inJSON = false
        var types: Set<EventType> = []
        for line in document.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inJSON = line == "```json"; continue }
            guard inJSON, line.hasPrefix("{") else { continue }
            if line.contains("…") { continue }  // the envelope sketch
            let entry = try EventCodec.decode(Array(line.utf8))
            types.insert(entry.event.type)
        }
        XCTAssertEqual(types, Set(EventType.allCases))
    }
}
