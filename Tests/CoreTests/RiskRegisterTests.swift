import XCTest

@testable import QanatCore

/// The register's rules: score and band, nature from the hazard, a risk folded from its events
/// in any order, reviews moving the review date.
final class RiskRegisterTests: XCTestCase {
    let id = try! RecordID("0192f3c4-0000-7000-8000-0000000000d1")

    func entry(_ likelihood: Int, _ impact: Int, hazard: IncidentType = .flashFlood) -> RiskEntry {
        RiskEntry(
            id: id, hazard: hazard, title: "Wadi Derna dams fail", areas: ["derna"], likelihood: likelihood,
            impact: impact,
            owner: try! AgencyCode("NCEMC"))
    }

    func testTheScoreIsLikelihoodTimesImpactAndItsBandFollowsTheRegister() {
        XCTAssertEqual(entry(4, 5).score, 20)
        let bands = [
            (1, 1, RiskBand.low), (2, 2, .low), (1, 4, .low), (1, 5, .medium), (2, 5, .medium), (3, 3, .medium),
            (3, 4, .high), (4, 3, .high), (5, 5, .high),
        ]
        for (l, i, band) in bands { XCTAssertEqual(entry(l, i).band, band, "\(l) × \(i)") }
        for score in 1...25 {
            XCTAssertEqual(RiskBand(score: score), score <= 4 ? .low : score <= 10 ? .medium : .high)
        }
        XCTAssertEqual(RiskScale.likelihood.keys.sorted(), Array(1...5))
        XCTAssertEqual(RiskScale.impact.keys.sorted(), Array(1...5))
    }

    func testANaturalHazardIsNatural() {
        XCTAssertEqual(entry(1, 1, hazard: .storm).nature, .natural)
        XCTAssertEqual(entry(1, 1, hazard: .outbreak).nature, .natural)
        XCTAssertEqual(entry(1, 1, hazard: .hazardousMaterial).nature, .human)
        XCTAssertEqual(entry(1, 1, hazard: .security).nature, .human)
    }

    func testAnIncidentOfTheHazardInAnExposedAreaIsOneTheRiskProduced() throws {
        var storm = entry(3, 3, hazard: .storm)
        storm.areas = ["district.jabal-al-akhdar"]
        func incident(_ type: IncidentType, _ area: String) -> Incident {
            let at = Timestamp(millisecondsSinceEpoch: 0)
            return Incident(
                reference: IncidentReference(year: 2026, number: 1), title: "t", type: type, severity: .severe,
                status: .reported,
                area: area, place: nil, reportingAgency: try! AgencyCode("CD"), leadAgency: try! AgencyCode("CD"),
                peopleAffected: nil,
                openedAt: at, statusChangedAt: at, updatedAt: at)
        }
        XCTAssertTrue(storm.produced(incident(.storm, "al-bayda")), "a municipality of the exposed district")
        XCTAssertTrue(storm.produced(incident(.storm, "district.jabal-al-akhdar")))
        XCTAssertFalse(storm.produced(incident(.flashFlood, "al-bayda")), "another hazard")
        XCTAssertFalse(storm.produced(incident(.storm, "derna")), "another district")
    }

    func testARiskFoldsTheSameInAnyOrderAndAReviewMovesItsReviewDate() throws {
        var generator = SystemRandomNumberGenerator()
        func event(_ second: Int64, _ agency: String, _ payload: EventPayload) -> Event {
            let at = Timestamp(millisecondsSinceEpoch: 1_800_000_000_000 + second * 1000)
            return Event(
                id: .make(at: at, using: &generator), at: at, agency: try! AgencyCode(agency), officer: "Amal",
                user: nil, payload: payload)
        }
        let events = [
            event(0, "NCEMC", .riskRegistered(entry(3, 4))),
            event(5, "NCEMC", .riskUpdated(RiskChange(id: id, likelihood: 4, mitigations: ["dam inspection"]))),
            event(3, "NCEMC", .riskUpdated(RiskChange(id: id, likelihood: 2, impact: 5))),
            event(
                7, "NCEMC",
                .riskReviewed(
                    RiskReview(risk: id, note: "spillway cleared", next: try CalendarDate("2027-06-01", field: "next")))
            ),
            event(6, "NCEMC", .riskReviewed(RiskReview(risk: id, note: "first look"))),
        ]
        let risk = try XCTUnwrap(Fold.risk(events))
        for _ in 0..<20 { XCTAssertEqual(Fold.risk(events.shuffled()), risk) }
        XCTAssertEqual(risk.entry.likelihood, 4)
        XCTAssertEqual(risk.entry.impact, 5)
        XCTAssertEqual(risk.entry.band, .high)
        XCTAssertEqual(risk.reviews.map(\.note), ["first look", "spillway cleared"])
        XCTAssertEqual(risk.entry.nextReview?.description, "2027-06-01")
        XCTAssertTrue(risk.reviewOverdue(today: try CalendarDate("2027-06-02", field: "today")))
        XCTAssertFalse(risk.reviewOverdue(today: try CalendarDate("2027-06-01", field: "today")))
        XCTAssertNil(Fold.risk(Array(events.dropFirst())), "changes wait for the registration")
    }
}
