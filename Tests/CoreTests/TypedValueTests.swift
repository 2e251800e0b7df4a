import XCTest

@testable import QanatCore

/// What people type on a command line: any case, a type's short name, a near miss.
final class TypedValueTests: XCTestCase {
    func testEnumeratedValuesIgnoreCase() throws {
        XCTAssertEqual(try MessagePriority.parse("FLASH", field: "priority"), .flash)
        XCTAssertEqual(try UnitStatus.parse("onscene", field: "status"), .onScene)
    }

    func testATypesLastPartNamesItWhenOnlyOneTypeEndsSo() throws {
        XCTAssertEqual(try IncidentType.parse("storm", field: "type"), .storm, "not sandstorm")
        XCTAssertEqual(try IncidentType.parse("Fire", field: "type"), .fire, "an exact match wins over fire.wildfire")
        XCTAssertEqual(try IncidentType.parse("wildfire", field: "type"), .wildfire)
        XCTAssertThrowsError(try IncidentType.parse("flood", field: "type")) { error in
            let text = (error as? ValidationError)?.description ?? ""
            XCTAssertTrue(
                text.contains(
                    "'flood' could be: flood.flashFlood, flood.riverFlood, flood.coastalFlood, flood.damFailure"), text)
        }
    }

    func testANearMissIsSuggested() {
        XCTAssertEqual(NearestName.suggest("incdent", among: ["incident", "init", "ingest"]), "incident")
        XCTAssertEqual(
            NearestName.suggest("urgnet", among: MessagePriority.allCases.map(\.rawValue)), nil, "too far: no guess")
        XCTAssertEqual(NearestName.suggest("imediate", among: MessagePriority.allCases.map(\.rawValue)), "immediate")
        let error = ValidationError(
            field: "priority", value: "imediate", problem: .notOneOf(MessagePriority.allCases.map(\.rawValue)))
        XCTAssertTrue(error.description.hasSuffix("did you mean 'immediate'?"), error.description)
    }
}

final class AreaSuggestionTests: XCTestCase {
    func testAMistypedAreaSuggestsTheNearestName() {
        XCTAssertThrowsError(try Gazetteer.libya.resolve("Dernaa")) { error in
            XCTAssertTrue(
                (error as? ValidationError)?.description.contains("did you mean 'Derna'?") ?? false, "\(error)")
        }
    }
}
