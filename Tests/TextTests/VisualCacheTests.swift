import XCTest
@testable import QanatText

/// Bidi and shaping are asked of ICU once per field: the cache gives what ICU gives, and stays bounded.
final class VisualCacheTests: XCTestCase {
    func testACachedFieldIsWhatICUGivesInEitherDirection() {
        for text in ["سيول في وادي درنة", "INC-2026-0001 سيول", "Tab التالي"] {
            for paragraph in [nil, TextDirection.leftToRight, .rightToLeft] {
                let first = Bidi.visual(text, paragraph: paragraph)
                XCTAssertEqual(first, Bidi.layout(text, paragraph: paragraph).text)
                XCTAssertEqual(Bidi.visual(text, paragraph: paragraph), first, "the second time, from the cache")
            }
        }
        XCTAssertEqual(Bidi.visual("plain English"), "plain English")
    }

    func testTheCacheStaysBounded() {
        var cache = VisualCache()
        for n in 0...(VisualCache.capacity + 10) {
            cache.insert("x", for: VisualCache.Key(text: "حقل \(n)", paragraph: nil))
            XCTAssertLessThanOrEqual(cache.count, VisualCache.capacity)
        }
        XCTAssertEqual(cache[VisualCache.Key(text: "حقل \(VisualCache.capacity + 10)", paragraph: nil)], "x")
    }
}
