import XCTest

@testable import QanatText

final class UntrustedTextTests: XCTestCase {
    func testControlsAndBidiOverridesBecomeVisible() {
        let hostile = "ok\u{1B}]0;pwned\u{07}\r\u{8}\u{202E}txt.exe\u{9B}2J"
        let shown = UntrustedText.sanitized(hostile)
        XCTAssertEqual(shown, "ok\u{241B}]0;pwned\u{2407}\u{240D}\u{2408}\u{2426}txt.exe\u{FFFD}2J")
        XCTAssertFalse(shown.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }

    func testArabicAndPlainTextPassUnchanged() {
        let text = "إخلاء حي الساحل — INC-2026-0003 (Derna)"
        XCTAssertEqual(UntrustedText.sanitized(text), text)
    }
}

final class DisplayWidthTests: XCTestCase {
    func testWidthsPerCluster() {
        XCTAssertEqual(DisplayWidth.of("abc"), 3)
        XCTAssertEqual(DisplayWidth.of("مَدِينَة"), 5, "harakat take no cell")
        XCTAssertEqual(DisplayWidth.of("é"), 1, "e + combining acute")
        XCTAssertEqual(DisplayWidth.of("水"), 2)
        XCTAssertEqual(DisplayWidth.of("🚒"), 2)
    }

    func testTruncationNeverSplitsAClusterAndFitsExactly() {
        XCTAssertEqual(DisplayWidth.truncate("Wadi Derna bridge", to: 8), "Wadi De…")
        XCTAssertEqual(DisplayWidth.truncate("水水水", to: 4), "水…")
        XCTAssertEqual(DisplayWidth.truncate("مَدِينَة درنة", to: 4), "مَدِي…")
        XCTAssertEqual(DisplayWidth.of(DisplayWidth.fit("水水水", to: 4)), 4)
        XCTAssertEqual(DisplayWidth.fit("ab", to: 4), "ab  ")
    }
}

final class MixedWidthTests: XCTestCase {
    func testWidthAndTruncationOfMixedAndCombiningText() {
        XCTAssertEqual(DisplayWidth.of("درنة Derna"), 10)
        XCTAssertEqual(DisplayWidth.of("شَدَّة"), 3, "shadda and fatha on one letter take no cell")
        XCTAssertEqual(DisplayWidth.truncate("شَدَّة في درنة", to: 3), "شَدَّ…", "marks stay with their letter")
        XCTAssertEqual(DisplayWidth.fit("درنة", to: 6), "درنة  ")
    }
}
