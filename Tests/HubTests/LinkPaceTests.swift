import XCTest

@testable import QanatHub

/// What a round trip to the hub carries, as fast and as slow links teach it.
final class LinkPaceTests: XCTestCase {
    func testAFastLinkGrowsToTheMostARoundTripCarries() {
        var pace = LinkPace()
        XCTAssertEqual(pace.bytes, LinkPace.firstBytes)
        for _ in 0..<20 { pace.took(.milliseconds(40), carrying: pace.bytes) }
        XCTAssertEqual(pace.bytes, LinkPace.mostBytes)
        XCTAssertEqual(
            pace.take(Array(repeating: 600, count: 2000)), LinkPace.mostEvents, "never more events than that")
        XCTAssertEqual(pace.mostEventsTaken, LinkPace.mostEvents)
    }

    func testASlowLinkShrinksTheRoundTripToWhatItCarriesInAFewSeconds() {
        var pace = LinkPace()
        // 16 KiB in 13.6 s: a 9.6 kbit/s link. The next carries what it moves in 3 s.
        pace.took(.milliseconds(13_600), carrying: 16 * 1024)
        XCTAssertEqual(pace.bytes, 3614)
        XCTAssertEqual(pace.take([1500, 1500, 1500]), 2)
        // A round trip that carried little, quickly, does not make the next larger.
        pace.took(.milliseconds(100), carrying: 300)
        XCTAssertEqual(pace.bytes, 3614)
    }

    func testAnEventLargerThanTheBudgetStillGoesAloneWithTheTimeItNeeds() {
        let pace = LinkPace()
        XCTAssertEqual(pace.take([60_000, 500]), 1, "the first always goes, however large")
        XCTAssertEqual(pace.take([]), 0)
        // 60 kB at 9.6 kbit/s takes 50 s: the deadline leaves it that and the silence that means a cut.
        XCTAssertEqual(LinkPace.deadline(carrying: 60_000), .seconds(70))
        XCTAssertEqual(LinkPace.deadline(carrying: 0), LinkPace.silence)
    }

    func testARoundTripUnansweredQuartersTheNextDownToAFloor() {
        var pace = LinkPace()
        pace.timedOut()
        XCTAssertEqual(pace.bytes, 4096)
        for _ in 0..<5 { pace.timedOut() }
        XCTAssertEqual(pace.bytes, LinkPace.leastBytes)
    }
}
