import QanatText
import XCTest

@testable import QanatUI

/// Bidi and shaping are asked of ICU once per field: the cache gives what ICU gives, and stays bounded.
final class FieldCacheTests: XCTestCase {
    func testACachedFieldIsWhatICUGivesInEitherDirection() {
        for text in ["سيول في وادي درنة", "INC-2026-0001 سيول", "Tab التالي"] {
            for paragraph in [nil, TextDirection.leftToRight, .rightToLeft] {
                let first = FieldCache.placed(text, limit: 80, paragraph: paragraph, reordered: true)
                XCTAssertEqual(first.clusters.joined(), Bidi.layout(text, paragraph: paragraph).text)
                XCTAssertEqual(
                    FieldCache.placed(text, limit: 80, paragraph: paragraph, reordered: true).clusters, first.clusters,
                    "the second time, from the cache")
            }
        }
        XCTAssertEqual(
            FieldCache.placed("plain English", limit: 80, paragraph: nil, reordered: true).clusters.joined(),
            "plain English")
    }

    func testTheCacheStaysBounded() {
        for n in 0...(FieldCache.capacity + 10) {
            _ = FieldCache.placed("حقل \(n)", limit: 40, paragraph: nil, reordered: true)
            XCTAssertLessThanOrEqual(FieldCache.count, FieldCache.capacity)
        }
    }
}
