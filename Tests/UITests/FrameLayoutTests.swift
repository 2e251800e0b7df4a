import XCTest

@testable import QanatUI

final class FrameLayoutTests: XCTestCase {
    let arabicApp = TextLayout(mirrored: true, reordered: true)

    func testMirroredFramePlacesFromTheRightEdge() {
        var frame = Frame(width: 12, height: 1, layout: arabicApp)
        let used = frame.put("درنة", x: 0, y: 0)
        frame.put("CD", x: used + 1, y: 0)
        XCTAssertEqual(frame.lines[0], "     CD ﺔﻧﺭﺩ")
        frame.fill(x: 0, y: 0, width: 4, role: .selected)
        XCTAssertEqual(
            (0..<12).filter { frame[$0, 0].role == .selected }, [8, 9, 10, 11], "fill starts at the right edge")
    }

    func testBlitKeepsASubFramesStartEdge() {
        var frame = Frame(width: 10, height: 1, layout: arabicApp)
        var sub = Frame(width: 4, height: 1, layout: frame.layout)
        sub.put("ab", x: 0, y: 0)
        frame.blit(sub, x: 1, y: 0)
        XCTAssertEqual(frame.lines[0], "       ab")
    }

    func testTerminalModeSendsLogicalOrderLeftToRight() {
        var frame = Frame(width: 10, height: 1, layout: .logical)
        frame.put("درنة", x: 0, y: 0)
        XCTAssertEqual(frame.lines[0], "درنة", "the terminal reorders and shapes")
    }

    func testAlignRightInAMirroredTableMeansTheLeftEdge() {
        var frame = Frame(width: 8, height: 1, layout: arabicApp)
        frame.put(field: "12", x: 0, y: 0, width: 8, alignRight: true)
        XCTAssertEqual(frame.lines[0], "12")
    }

    func testEditableArabicFieldShowsTheCursorOnTheRightLetter() {
        var frame = Frame(width: 10, height: 1, layout: arabicApp)
        frame.putEditable("درنة", cursor: 1, x: 0, y: 0, width: 10, role: .normal, cursorRole: .selected)
        XCTAssertEqual(frame.lines[0], "      ﺔﻧﺭﺩ")
        XCTAssertEqual(
            (0..<10).filter { frame[$0, 0].role == .selected }, [8],
            "the cursor is on ر, the second letter from the right")
        frame.putEditable("درنة", cursor: 4, x: 0, y: 0, width: 10, role: .normal, cursorRole: .selected)
        XCTAssertEqual(
            (0..<10).filter { frame[$0, 0].role == .selected }, [5], "after the last letter: to the text's left")
    }

    func testEditableArabicInALeftToRightFieldKeepsTheEndCursorInTheField() {
        var frame = Frame(width: 10, height: 1, layout: TextLayout(mirrored: false, reordered: true))
        frame.putEditable("درنة", cursor: 4, x: 2, y: 0, width: 6, role: .normal, cursorRole: .selected)
        XCTAssertEqual((0..<10).filter { frame[$0, 0].role == .selected }, [2])
        XCTAssertEqual(frame.lines[0], "   ﺔﻧﺭﺩ", "the text moves one cell over to make room")
    }
}

final class PreferencesTests: XCTestCase {
    func testConfigFileSetsLanguageBidiDigitsAndTheme() throws {
        let prefs = try Preferences.parse(
            toml: #"language = "ar"\#nbidi = "terminal"\#ndigits = "arabic-indic"\#ntheme = "light""#, file: "c")
        XCTAssertEqual(prefs, Preferences(language: .ar, bidi: .terminal, digits: .arabicIndic, theme: "light"))
        XCTAssertNil(try Preferences.parse(toml: #"bidi = "auto""#, file: "c").bidi)
    }

    func testWrongSettingsAreNamed() {
        XCTAssertThrowsError(try Preferences.parse(toml: #"bidi = "sideways""#, file: "c")) { error in
            XCTAssertEqual("\(error)", #"settings c: bidi: "sideways" is not one of: app, terminal, auto"#)
        }
        XCTAssertThrowsError(try Preferences.parse(toml: #"colour = "red""#, file: "c")) { error in
            XCTAssertTrue("\(error)".contains("unknown setting 'colour'"), "\(error)")
        }
    }

    func testAutoBidiFollowsTheTerminal() {
        XCTAssertEqual(BidiMode.detect(environment: ["VTE_VERSION": "7201", "TERM": "xterm-256color"]).mode, .app)
        XCTAssertEqual(
            BidiMode.detect(environment: ["KONSOLE_VERSION": "230804", "TERM": "xterm-256color"]).mode, .terminal)
        XCTAssertEqual(BidiMode.detect(environment: ["TERM": "mlterm"]).mode, .terminal)
        XCTAssertEqual(BidiMode.detect(environment: ["TERM": "putty-256color"]).mode, .terminal)
        XCTAssertEqual(BidiMode.detect(environment: ["TERM_PROGRAM": "Apple_Terminal"]).mode, .terminal)
        XCTAssertEqual(BidiMode.detect(environment: ["TERM_PROGRAM": "mintty"]).mode, .app)
        XCTAssertEqual(BidiMode.detect(environment: ["TERM": "xterm-kitty"]).mode, .app)
        XCTAssertEqual(
            BidiMode.detect(environment: ["TMUX": "/tmp/t,1,0", "KONSOLE_VERSION": "1"]).mode, .app,
            "tmux draws its own grid")
    }

    func testArabicIndicDigitsOnlyInTheArabicInterface() {
        XCTAssertEqual(Localizer(.ar, digits: .arabicIndic).number("14:05"), "١٤:٠٥")
        XCTAssertEqual(Localizer(.en, digits: .arabicIndic).number("14:05"), "14:05")
        XCTAssertEqual(Localizer(.ar).number("14:05"), "14:05")
    }

    func testDatesInLibyaTimeWithMonthNames() {
        XCTAssertEqual(Localizer(.en).dateTime(SampleDesk.now), "22 Nov 2026 14:05")
        XCTAssertEqual(Localizer(.ar).dateTime(SampleDesk.now), "22 نوفمبر 2026 14:05")
        XCTAssertEqual(Localizer(.ar, digits: .arabicIndic).dateTime(SampleDesk.now), "٢٢ نوفمبر ٢٠٢٦ ١٤:٠٥")
    }
}
