import Foundation
import XCTest

@testable import QanatUI

final class ThemeTests: XCTestCase {
    let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Themes")

    func load(_ name: String) throws -> Theme {
        let file = themes.appendingPathComponent(name + ".toml")
        return try Theme.parse(toml: try String(contentsOf: file, encoding: .utf8), name: name, file: file.path)
    }

    func testEveryShippedThemeParsesAndTheBuiltInsMatchTheirFiles() throws {
        for name in ["default", "light", "high-contrast", "monochrome", "colour-blind"] {
            let theme = try load(name)
            XCTAssertNotNil(theme.styles[.selected], "\(name) shows the selection")
            XCTAssertNotNil(theme.styles[.priorityFlash], "\(name) marks flash messages")
        }
        XCTAssertEqual(try load("default").styles, Theme.dark.styles)
        XCTAssertEqual(try load("monochrome").styles, Theme.monochrome.styles)
        XCTAssertFalse(try load("monochrome").usesColour)
    }

    func testEveryThemeFileIsBuiltInAsItIs() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: themes.path).filter { $0.hasSuffix(".toml") }
        XCTAssertEqual(
            Set(files.map { String($0.dropLast(5)) }), Set(Theme.builtInNames), "run scripts/embed-themes.sh")
        for file in files {
            let name = String(file.dropLast(5))
            let text = try String(contentsOf: themes.appendingPathComponent(file), encoding: .utf8)
            XCTAssertEqual(BuiltInThemes.files[name].map { $0 + "\n" }, text, "\(name): run scripts/embed-themes.sh")
            XCTAssertEqual(try Theme.builtIn(name)?.styles, try load(name).styles)
        }
    }

    func testColourBlindThemeHasNoRedOrGreen() throws {
        let used = try load("colour-blind").styles.values.flatMap { [$0.foreground, $0.background] }.compactMap { $0 }
        for colour in used {
            XCTAssertFalse([1, 2, 9, 10].contains(colour.fallback) || [1, 2, 9, 10].contains(colour.index))
        }
    }

    func testTwoHundredFiftySixColoursFallBackOnEight() throws {
        let warning = try XCTUnwrap(try load("light").styles[.severityModerate]?.foreground)
        XCTAssertEqual(warning.index(forColours: 256), 130)
        XCTAssertEqual(warning.index(forColours: 8), 3)
        XCTAssertEqual(ThemeColor(name: "bright-red")?.index(forColours: 8), 1)
    }

    func testBadThemesAreRefusedNamingWhatIsWrong() {
        func reason(_ toml: String) -> String {
            do {
                _ = try Theme.parse(toml: toml, name: "t", file: "t.toml")
                return "accepted"
            } catch { return error.description }
        }
        XCTAssertTrue(reason("[roles]\nheadr = { bold = true }").contains("unknown role 'headr'"))
        XCTAssertTrue(reason("[roles]\nheader = { fg = \"orange\" }").contains("header.fg: 'orange' is not one of"))
        XCTAssertTrue(reason("[roles]\nheader = { fg = 300 }").contains("header.fg: expected a colour name or 0-255"))
        XCTAssertTrue(reason("[roles]\nheader = { blink = true }").contains("header.blink: unknown key"))
        XCTAssertTrue(reason("[roles\n").contains("theme t.toml: line 1"))
        XCTAssertTrue(reason("title = 'x'").contains("no [roles] table"))
    }
}
