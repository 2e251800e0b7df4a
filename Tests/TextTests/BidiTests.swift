import XCTest

@testable import QanatText

/// What `--bidi app` sends to a terminal that neither reorders nor shapes: visual order, left to
/// right, letters in their joined forms. Expected strings are written as presentation forms.
final class BidiTests: XCTestCase {
    func testMixedTitlesWithReferencesNumbersAndBrackets() {
        let cases: [(String, String)] = [
            // Arabic first: right to left; the reference and the number keep their own order.
            ("فيضان (INC-2026-0004) 12 شخصا", "ﺎﺼﺨﺷ 12 (INC-2026-0004) ﻥﺎﻀﻴﻓ"),
            // English first: left to right; the Arabic run inside is reversed and joined.
            ("INC-2026-0004 فيضان درنة", "INC-2026-0004 ﺔﻧﺭﺩ ﻥﺎﻀﻴﻓ"),
            // Brackets around Arabic in an Arabic field are mirrored, so they still open first.
            ("[الأشد خطورة]", "[ﺓﺭﻮﻄﺧ ﺪﺷﻷﺍ]"),
            ("Benghazi (بنغازي)", "Benghazi (ﻱﺯﺎﻐﻨﺑ)"),
            ("إخلاء 340 شخصًا", "ﺎﺼًﺨﺷ 340 ءﻼﺧﺇ"),
            // No right-to-left letters: untouched.
            ("Storm over Jabal al Akhdar (2)", "Storm over Jabal al Akhdar (2)"),
        ]
        for (logical, visual) in cases {
            XCTAssertEqual(Bidi.visual(logical), visual, logical)
        }
    }

    func testAFieldCutBeforeItsFirstLetterKeepsTheWholeTextsDirection() {
        XCTAssertEqual(Bidi.visual("15 (15…", cutFrom: "15 (15 تجاوزت الهدف)"), "…15) 15")
        XCTAssertEqual(Bidi.visual("15 (15…", cutFrom: "15 (15 over target)"), "15 (15…")
    }

    func testDirectionComesFromTheFirstStrongCharacter() {
        XCTAssertEqual(Bidi.direction(of: "12 - درنة"), .rightToLeft)
        XCTAssertEqual(Bidi.direction(of: "(CD) درنة"), .leftToRight)
        XCTAssertNil(Bidi.direction(of: "12:30"))
        XCTAssertEqual(Bidi.layout("12 - 3").direction, .leftToRight, "no strong character: left to right")
    }

    func testLamAlefLigatureTakesOneCellAndBothLettersPointAtIt() {
        let layout = Bidi.layout("سلام")
        XCTAssertEqual(layout.text, "ﻡﻼﺳ")
        XCTAssertEqual(layout.width, 3, "four letters, three cells")
        XCTAssertEqual(layout.columns, [2, 1, 1, 0])
    }

    func testHarakatStayCombiningMarksOnTheirLetter() {
        let layout = Bidi.layout("مُحَمَّد")
        XCTAssertEqual(layout.width, 4, "marks take no cell")
        XCTAssertEqual(DisplayWidth.of(layout.text), 4)
        XCTAssertFalse(
            layout.text.unicodeScalars.contains { (0xFE70...0xFE7F).contains($0.value) },
            "no spacing presentation forms of harakat")
        XCTAssertEqual(layout.text.count, 4, "each mark follows its letter in one cluster")
    }

    func testCursorColumnsFollowTheVisualOrder() {
        let layout = Bidi.layout("درنة")
        XCTAssertEqual(layout.columns, [3, 2, 1, 0])
        XCTAssertEqual(layout.cursorColumn(before: 0), 3, "on the first letter, at the right")
        XCTAssertEqual(layout.cursorColumn(before: 4), -1, "past the end of right-to-left text: to its left")
        XCTAssertEqual(Bidi.layout("Derna").cursorColumn(before: 5), 5)
    }

    func testTruncationInLogicalOrderPutsTheEllipsisOnTheTextsEndSide() {
        let cut = DisplayWidth.truncate("سيول جارفة في وادي درنة", to: 10)
        XCTAssertEqual(DisplayWidth.of(cut), 10)
        let shown = Bidi.visual(cut)
        XCTAssertEqual(shown.first, "…", "Arabic ends on the left")
        XCTAssertEqual(Bidi.visual(DisplayWidth.truncate("Flash flood at Derna", to: 10)).last, "…")
    }

    func testHostileTextHasNoBidiControlAfterTheBidiStep() {
        let hostile = "\u{202E}exe.txt\u{202C} \u{2067}درنة\u{2069} \u{200F}!"
        let shown = Bidi.visual(UntrustedText.sanitized(hostile))
        XCTAssertFalse(
            shown.unicodeScalars.contains {
                [0x200E, 0x200F, 0x061C].contains($0.value) || (0x202A...0x202E).contains($0.value)
                    || (0x2066...0x2069).contains($0.value)
            }, shown)
        XCTAssertTrue(shown.contains("exe.txt"), "an override cannot turn the text around")
    }

    func testLeadingMarkGetsADottedCircleAndMarksAreCapped() {
        XCTAssertEqual(UntrustedText.sanitized("\u{064E}بدء"), "\u{25CC}\u{064E}بدء")
        let zalgo = "a" + String(repeating: "\u{0301}", count: 40)
        XCTAssertEqual(UntrustedText.sanitized(zalgo).unicodeScalars.count, 1 + UntrustedText.marksPerCharacter)
        XCTAssertEqual(UntrustedText.sanitized("شَدَّة"), "شَدَّة", "Arabic's own marks pass")
    }
}
