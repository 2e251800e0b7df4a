import XCTest

@testable import QanatText

/// A wrapped paragraph keeps one direction and one resolution of levels on every line it wraps
/// to (UAX #9: levels for the paragraph, reordering per line).
final class WrappedLineTests: XCTestCase {
    static let convoy =
        "Convoy of 12 trucks left the Benghazi warehouse at 09:00 heading towards مدرسة الهواري (300 tents), then درنة via شحات; expected arrival 15:00, escort by CD-BYD-04."

    func testEveryLineOfAnEnglishParagraphReadsLeftToRight() {
        let lines = WrappedLine.wrap(Self.convoy, width: 78)
        XCTAssertEqual(
            lines.map(\.text).joined(separator: " "), Self.convoy, "nothing dropped but the spaces at a break")
        XCTAssertGreaterThan(lines.count, 1)
        for line in lines { XCTAssertEqual(Bidi.layout(line).direction, .leftToRight, line.text) }
        // The second line starts with an Arabic word, yet reads left to right: that word on the left.
        XCTAssertEqual(
            Bidi.layout(lines[1]).text, "ﻱﺭﺍﻮﻬﻟﺍ (300 tents), then ﺔﻧﺭﺩ via ﺕﺎﺤﺷ; expected arrival 15:00, escort by")
    }

    func testEveryLineOfAnArabicParagraphReadsRightToLeft() {
        let text =
            "وصلت قافلة من 12 شاحنة إلى درنة صباح اليوم. CD-BYD-04 escort confirmed at the bridge, ETA 15:00 then onwards."
        let lines = WrappedLine.wrap(text, width: 30)
        for line in lines { XCTAssertEqual(Bidi.layout(line).direction, .rightToLeft, line.text) }
        // A last line of English words in an Arabic paragraph ends on the left: its full stop first.
        XCTAssertEqual(lines.last?.text, "onwards.")
        XCTAssertEqual(lines.last.map { Bidi.layout($0).text }, ".onwards")
    }

    func testLineBreaksOfTheTextAreKeptAndControlsShownAsPlaceholders() {
        let lines = WrappedLine.wrap("alpha\nbeta\r\ngamma \u{1B}[2J", width: 20).map(\.text)
        XCTAssertEqual(lines, ["alpha", "beta", "gamma ␛[2J"])
        XCTAssertEqual(WrappedLine.wrap("", width: 5).map(\.text), [""])
        XCTAssertEqual(WrappedLine.wrap("abcdefgh ij", width: 3).map(\.text), ["abc", "def", "gh", "ij"])
    }
}
