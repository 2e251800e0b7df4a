import QanatCore
import XCTest

final class SiteTests: XCTestCase {
    func testASiteCodeIsTwoToSixLatinLetters() throws {
        XCTAssertEqual(try SiteCode(" bgz ").rawValue, "BGZ")
        for bad in ["B", "BENGHAZ", "BG1", "1BG", "بنغ", "", "B-Z"] {
            XCTAssertThrowsError(try SiteCode(bad), bad) {
                XCTAssertTrue("\($0)".contains("2-6 Latin letters"), "\($0)")
            }
        }
    }

    func testASiteNumbersItsIncidentsAfterItsCode() throws {
        let bgz = try SiteCode("BGZ")
        let reference = IncidentReference(year: 2026, number: 12, site: bgz)
        XCTAssertEqual(reference.rawValue, "INC-2026-BGZ0012")
        XCTAssertEqual(try IncidentReference("INC-2026-BGZ0012"), reference, "read back as any reference")
        XCTAssertEqual(reference.numbered?.site, "BGZ")
        XCTAssertEqual(reference.numbered?.number, 12)
        XCTAssertNil(reference.sequenceNumber, "not a plain number: another site's counter is not this one's")
        XCTAssertEqual(IncidentReference(year: 2026, number: 3).sequenceNumber, 3)
        XCTAssertEqual(IncidentReference(year: 2026, number: 3).numbered?.site, "")
        XCTAssertNil(try IncidentReference("INC-2026-P1A2B").numbered, "a provisional reference has no counter")
    }

    func testABareNumberTypedIsThisSitesAndACodeWithANumberNamesAnother() throws {
        let bgz = try SiteCode("BGZ")
        XCTAssertEqual(try IncidentReference(typed: "12", year: 2026, site: bgz).rawValue, "INC-2026-BGZ0012")
        XCTAssertEqual(try IncidentReference(typed: "١٢", year: 2026, site: bgz).rawValue, "INC-2026-BGZ0012")
        XCTAssertEqual(try IncidentReference(typed: "12", year: 2026).rawValue, "INC-2026-0012", "no site")
        XCTAssertEqual(try IncidentReference(typed: "trp7", year: 2026, site: bgz).rawValue, "INC-2026-TRP0007")
        XCTAssertEqual(
            try IncidentReference(typed: "INC-2025-0003", year: 2026, site: bgz).rawValue, "INC-2025-0003",
            "references made before the site keep working")
        XCTAssertThrowsError(try IncidentReference(typed: "x7", year: 2026, site: bgz))
    }

    func testAnEventFromASiteMustSpeakForAnAgencyItHosts() throws {
        let registry = SiteRegistry([
            Site(code: try SiteCode("TRP"), agencies: [try AgencyCode("MOI"), try AgencyCode("LRC")]),
            Site(code: try SiteCode("BGZ"), agencies: [try AgencyCode("NCEMC")]),
        ])
        XCTAssertNoThrow(try registry.check(origin: try SiteCode("TRP"), agency: try AgencyCode("LRC")))
        XCTAssertThrowsError(try registry.check(origin: try SiteCode("TRP"), agency: try AgencyCode("NCEMC"))) {
            XCTAssertEqual("\($0)", "site TRP speaks for NCEMC, an agency it does not host")
        }
        XCTAssertThrowsError(try registry.check(origin: try SiteCode("SBH"), agency: try AgencyCode("MOI"))) {
            XCTAssertEqual("\($0)", "from site SBH, which the hub does not register")
        }
    }

    func testARegistryChangeIsSaidSiteBySite() throws {
        let (trp, bgz, sbh) = (try SiteCode("TRP"), try SiteCode("BGZ"), try SiteCode("SBH"))
        let (moi, lrc, cd) = (try AgencyCode("MOI"), try AgencyCode("LRC"), try AgencyCode("CD"))
        let before = SiteRegistry([Site(code: trp, agencies: [moi]), Site(code: bgz, agencies: [cd, lrc])])
        let after = SiteRegistry([Site(code: trp, agencies: [moi, lrc]), Site(code: sbh, agencies: [cd])])
        XCTAssertEqual(
            before.changes(to: after),
            ["site BGZ is gone", "site SBH registered, hosting CD", "site TRP now hosts LRC"])
        XCTAssertEqual(after.changes(to: after), [])
        let narrowed = SiteRegistry([Site(code: trp, agencies: [lrc]), Site(code: sbh, agencies: [cd])])
        XCTAssertEqual(after.changes(to: narrowed), ["site TRP no longer hosts MOI"])
    }
}
