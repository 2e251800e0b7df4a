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
