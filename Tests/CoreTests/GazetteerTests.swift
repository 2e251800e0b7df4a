import XCTest
@testable import QanatCore

final class GazetteerTests: XCTestCase {
    func testHasAllDistrictsAndAtLeastSixtyMunicipalities() {
        let areas = Gazetteer.libya.areas
        XCTAssertEqual(areas.filter { $0.kind == .district }.count, 22)
        XCTAssertGreaterThanOrEqual(areas.filter { $0.kind == .municipality }.count, 60)
        XCTAssertEqual(Set(areas.map(\.id)).count, areas.count, "ids are unique")
        for area in areas where area.kind == .municipality {
            XCTAssertNotNil(area.district.flatMap { Gazetteer.libya.area(id: $0) }, "\(area.id) has a district")
            XCTAssertTrue((19.0...34.0).contains(area.latitude) && (9.0...26.0).contains(area.longitude), area.id)
        }
    }

    func testResolvesOtherSpellingsAndScripts() throws {
        for name in ["Benghazi", "Bengasi", "بنغازي", "BENGHAZI", "banghazi"] {
            XCTAssertEqual(try Gazetteer.libya.resolve(name).id, "benghazi", name)
        }
        XCTAssertEqual(try Gazetteer.libya.resolve("Al Bayda").id, "al-bayda")
        XCTAssertEqual(try Gazetteer.libya.resolve("البيضاء").id, "al-bayda")
        XCTAssertEqual(try Gazetteer.libya.resolve("اجدابيا").id, "ajdabiya", "hamza folded")
        XCTAssertEqual(try Gazetteer.libya.resolve("district.derna").kind, .district)
    }

    func testNameKeyFoldsArabicVariants() {
        XCTAssertEqual(NameKey.fold("مَدِينَة"), NameKey.fold("مدينه"))
        XCTAssertEqual(NameKey.fold("إخلاء"), NameKey.fold("اخلاء"))
        XCTAssertEqual(NameKey.fold("مـصـراتـة"), NameKey.fold("مصراته"))
    }
}
