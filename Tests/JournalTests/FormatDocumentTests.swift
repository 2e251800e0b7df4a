import Foundation
import QanatCore
import XCTest

@testable import QanatJournal

/// docs/journal-format.md is the integration API: every example in it must be a line Qanat takes,
/// and it must show every event type.
final class FormatDocumentTests: XCTestCase {
    static func document() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("docs/journal-format.md"), encoding: .utf8)
    }

    /// Both ways: every type the code has is documented with every field of its schema, and
    /// every type the document names is one the code has.
    func testTheDocumentAndTheSchemasNameTheSameTypesAndFields() throws {
        let sections = try Self.document().components(separatedBy: "\n### ").dropFirst()
        var documented: Set<EventType> = []
        for section in sections {
            let heading = section.prefix { $0 != "\n" }
            let names = heading.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter {
                $0.offset % 2 == 1
            }.map { String($0.element) }
            let types = names.filter { $0.contains(".") }
            guard !types.isEmpty else { continue }
            for name in types {
                guard let type = EventType(rawValue: name) else {
                    XCTFail("the document names '\(name)', which the code lacks")
                    continue
                }
                documented.insert(type)
                for field in EventSchemas.schema(for: type).fields {
                    XCTAssertTrue(
                        section.contains("`\(field.name)`"), "\(name): its field `\(field.name)` is documented")
                }
            }
        }
        XCTAssertEqual(documented, Set(EventType.allCases), "every type the code has is documented")
        XCTAssertEqual(Set(EventSchemas.all.flatMap { $0.types }), Set(EventType.allCases), "every type has a schema")
        XCTAssertEqual(EventSchemas.all.flatMap { $0.types }.count, EventType.allCases.count, "and only one")
    }

    func testEveryExampleLineDecodesAndEveryTypeHasOne() throws {
        let document = try Self.document()
        var inJSON = false
        var types: Set<EventType> = []
        for line in document.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inJSON = line == "```json"
                continue
            }
            guard inJSON, line.hasPrefix("{") else { continue }
            if line.contains("…") { continue }  // the envelope sketch
            let entry = try EventCodec.decode(Array(line.utf8))
            types.insert(entry.event.type)
        }
        XCTAssertEqual(types, Set(EventType.allCases))
    }
}
