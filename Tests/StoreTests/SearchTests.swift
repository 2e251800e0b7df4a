import QanatCore
import QanatStore
import XCTest

/// `/` in the desk and `qanat search`: the normalised FTS5 index.
final class SearchTests: XCTestCase {
    var store: SQLiteStore!
    let at = Timestamp(millisecondsSinceEpoch: 1_795_000_000_000)

    override func setUpWithError() throws {
        store = try SQLiteStore.create(path: try temporaryDirectory() + "/store.sqlite")
        var events: [Event] = []
        var rng = SeededGenerator(seed: 7)
        func add(_ payload: EventPayload, minutes: Int64) {
            let time = Timestamp(millisecondsSinceEpoch: at.millisecondsSinceEpoch + minutes * 60_000)
            events.append(
                Event(
                    id: .make(at: time, using: &rng), at: time, agency: try! AgencyCode("CD"), officer: "t", user: nil,
                    payload: payload))
        }
        let incidents: [(String, String, String?)] = [
            ("سيول جارفة في وادي درنة", "derna", "جسر الوادي"),
            ("نازحون في مدرسة الهواري", "benghazi", nil),
            ("Storm damage at the port", "tobruk", "Tobruk port"),
            ("إخلاء مستشفى أجدابيا", "ajdabiya", nil),
        ]
        for (number, (title, area, place)) in incidents.enumerated() {
            add(
                .incidentOpened(
                    IncidentOpening(
                        reference: IncidentReference(year: 2026, number: number + 1), title: title,
                        type: .flashFlood, severity: .severe, area: area, place: place)), minutes: Int64(number))
        }
        let bodies = [
            "نحتاج قوارب إضافية عند الجسر",
            "المـــدرسة ممتلئة، نطلب بطانيات",  // tatweel
            "مَدْرَسَةُ الهواري: ٣٤٠ شخصاً",  // harakat, Arabic-Indic digits
            "Convoy leaving Bengasi at 14:00",
            "الطريق إلى إجدابيا مغلق",  // hamza below, as often typed
            "كتيبه الإنقاذ في الطريق",  // teh marbuta typed as heh
            "فی الطريق من طبرق",  // Persian yeh
        ]
        for (index, body) in bodies.enumerated() {
            add(
                .messagePosted(
                    MessagePosting(
                        recipients: .everyone, priority: .routine, channel: .radio, subject: nil, body: body,
                        incident: nil, acknowledgementRequired: false)), minutes: Int64(10 + index))
        }
        try store.apply(events)
    }

    func texts(_ query: String, limit: Int = 50, window: Int = SQLiteStore.searchRankingWindow) throws -> [String] {
        try store.search(SearchQuery(query), limit: limit, window: window).map { hit in
            switch hit {
            case .incident(let record): record.incident.title
            case .message(let record): record.message.body
            }
        }
    }

    func testVariantArabicSpellingsFindEachOther() throws {
        for query in ["مدرسة", "مدرسه", "مَدرَسة", "المدرسة", "مدرســة"] {
            let found = try texts(query)
            XCTAssertTrue(found.contains("نازحون في مدرسة الهواري"), "\(query): \(found)")
            XCTAssertTrue(found.contains("مَدْرَسَةُ الهواري: ٣٤٠ شخصاً"), "\(query): harakat in the text")
            XCTAssertTrue(found.contains("المـــدرسة ممتلئة، نطلب بطانيات"), "\(query): tatweel in the text")
        }
        XCTAssertTrue(try texts("اجدابيا").contains("الطريق إلى إجدابيا مغلق"), "alef with hamza below folds to alef")
        XCTAssertTrue(try texts("أجدابيا").contains("إخلاء مستشفى أجدابيا"))
        XCTAssertTrue(try texts("كتيبة").contains("كتيبه الإنقاذ في الطريق"), "teh marbuta and heh")
        XCTAssertTrue(try texts("في الطريق").contains("فی الطريق من طبرق"), "Persian yeh")
        XCTAssertTrue(try texts("340").contains("مَدْرَسَةُ الهواري: ٣٤٠ شخصاً"), "Arabic-Indic digits")
    }

    func testPlaceNamesMatchAcrossSpellingsAndScripts() throws {
        for query in ["Benghazi", "Bengasi", "بنغازي", "BENGHAZI"] {
            let found = try texts(query)
            XCTAssertTrue(
                found.contains("نازحون في مدرسة الهواري"), "\(query) finds the incident in the area: \(found)")
            XCTAssertTrue(found.contains("Convoy leaving Bengasi at 14:00"), "\(query) finds a message naming it")
        }
        XCTAssertTrue(try texts("طبرق").contains("Storm damage at the port"))
        XCTAssertTrue(try texts("Derna").contains("سيول جارفة في وادي درنة"))
    }

    func testEveryWordMustMatchAndResultsAreRanked() throws {
        XCTAssertEqual(try texts("storm port"), ["Storm damage at the port"])
        XCTAssertEqual(try texts("storm درنة"), [])
        XCTAssertEqual(try texts("%"), [], "punctuation alone searches nothing")
        XCTAssertEqual(try texts("INC-2026-0003"), ["Storm damage at the port"])
        let ranked = try texts("الطريق")
        XCTAssertEqual(Set(ranked), ["الطريق إلى إجدابيا مغلق", "كتيبه الإنقاذ في الطريق", "فی الطريق من طبرق"])
        XCTAssertEqual(try store.search(SearchQuery("الهواري"), limit: 1).count, 1, "at most the limit")
    }

    /// What is still going on comes first: an open incident before closed ones, even ones that match better.
    func testAnOpenIncidentRanksAboveClosedOnesThatMatchAsWell() throws {
        var rng = SeededGenerator(seed: 11)
        var events: [Event] = []
        for number in 11...14 {
            let time = Timestamp(millisecondsSinceEpoch: at.millisecondsSinceEpoch + Int64(number) * 3_600_000)
            let reference = IncidentReference(year: 2026, number: number)
            events.append(
                Event(
                    id: .make(at: time, using: &rng), at: time, agency: try AgencyCode("CD"), officer: "t", user: nil,
                    payload: .incidentOpened(
                        IncidentOpening(
                            reference: reference,
                            title: number == 11 ? "Fire at the fuel depot near the old road" : "Depot fire",
                            type: .fire, severity: .severe, area: "sabha"))))
            guard number > 11 else { continue }
            let closing = time.adding(seconds: 60)
            events.append(
                Event(
                    id: .make(at: closing, using: &rng), at: closing, agency: try AgencyCode("CD"), officer: "t",
                    user: nil,
                    payload: .incidentStatusChanged(IncidentStatusChange(reference: reference, status: .closed))))
        }
        try store.apply(events)
        let found = try store.search(SearchQuery("depot"), limit: 10)
        guard case .incident(let first) = found.first else { return XCTFail("\(found)") }
        XCTAssertEqual(
            first.incident.reference.rawValue, "INC-2026-0011",
            "the one open incident first, though closed ones match better")
        XCTAssertEqual(found.count, 4)
    }

    func testOnlyTheNewestMatchesAreRanked() throws {
        let oldest = "الطريق إلى إجدابيا مغلق"
        XCTAssertEqual(
            Set(try texts("الطريق", limit: 2, window: 2)), ["كتيبه الإنقاذ في الطريق", "فی الطريق من طبرق"],
            "the two newest of three matches")
        XCTAssertTrue(try texts("الطريق").contains(oldest), "the default window holds all three")
    }

    func testRebuildRestoresTheIndex() throws {
        let before = try store.projectionDigest()
        try store.rebuild()
        XCTAssertEqual(try store.projectionDigest(), before)
        XCTAssertTrue(try texts("Bengasi").contains("نازحون في مدرسة الهواري"))
    }

    func testAnUpdatedTitleIsFoundByItsNewWords() throws {
        var rng = SeededGenerator(seed: 9)
        let time = Timestamp(millisecondsSinceEpoch: at.millisecondsSinceEpoch + 3_600_000)
        try store.apply([
            Event(
                id: .make(at: time, using: &rng), at: time, agency: try AgencyCode("CD"), officer: "t", user: nil,
                payload: .incidentUpdated(
                    IncidentUpdate(
                        reference: IncidentReference(year: 2026, number: 3),
                        title: "Harbour crane collapsed")))
        ])
        XCTAssertEqual(try texts("crane"), ["Harbour crane collapsed"])
        XCTAssertEqual(try texts("storm port"), [], "the old title is gone from the index")
    }
}

final class SearchTextTests: XCTestCase {
    func testNormalisationFoldsWhatTheIssueLists() {
        XCTAssertEqual(SearchText.normalise("أإآٱ ة ى ی ک ؤ ئ ـ َ Derna ٣٤"), "اااا ه ي ي ك ؤ ئ   derna 34")
    }

    func testMultiWordPlaceNamesStayPhrases() {
        XCTAssertEqual(SearchText.indexed("الجبل الأخضر"), "الجبل الاخضر جبل اخضر")
        let whole = SearchQuery("Green Mountain").plan(places: .libya)?.whole
        XCTAssertTrue(whole?.phrases.contains(["الجبل", "الاخضر"]) == true, "\(String(describing: whole))")
    }

    func testMatchesAreFoundInTheTextAsShown() {
        let query = SearchQuery("مدرسة")
        XCTAssertEqual(
            SearchText.matches(of: query.words, in: "نازحون في المَدرسة"), [12..<17],
            "after the article, harakat included")
        XCTAssertEqual(SearchText.matches(of: SearchQuery("der").words, in: "Wadi Derna, DERNA"), [5..<8, 12..<15])
    }
}
